package org.openhaven.desktop.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.openhaven.engine.error.OpenHavenException;

/** Draws a QR code into a JavaFX image (ZXing), black on white whatever the theme, so phones can read it. */
public final class QrImages {

    private QrImages() {
    }

    public static WritableImage render(String payload, int size) {
        BitMatrix matrix;
        try {
            // Size 0 gives one pixel per module; scaling by a whole number below keeps every module square.
            matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw OpenHavenException.internal(Messages.get("error.qr"), e);
        }
        int scale = Math.max(1, size / matrix.getWidth());
        WritableImage image = new WritableImage(matrix.getWidth() * scale, matrix.getHeight() * scale);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels.setColor(x, y, matrix.get(x / scale, y / scale) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
