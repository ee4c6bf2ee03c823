package org.openhaven.desktop.icons;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhaven.desktop.tray.TrayStatus;

class AppIconsTest {

    @Test
    void windowIconsAreSquarePngsOfTheirNamedSizeSmallestFirst() throws IOException {
        var icons = AppIcons.windowIcons();

        assertThat(icons).hasSameSizeAs(AppIcons.WINDOW_SIZES);
        for (int i = 0; i < icons.size(); i++) {
            assertDimensions(icons.get(i), AppIcons.WINDOW_SIZES.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(TrayStatus.class)
    void everyTrayStatusHasColourAndTemplateIconsInEverySize(TrayStatus status) throws IOException {
        for (int size : AppIcons.TRAY_SIZES) {
            assertDimensions(AppIcons.trayIcon(status, size, false), size);
            assertDimensions(AppIcons.trayIcon(status, size, true), size);
        }
    }

    @Test
    void templateIconsAreBlackWithAlphaOnlySoMacOsCanTintThem() throws IOException {
        for (TrayStatus status : TrayStatus.values()) {
            BufferedImage image = ImageIO.read(AppIcons.trayIcon(status, 32, true));
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = image.getRGB(x, y);
                    if ((argb >>> 24) != 0) {
                        assertThat(argb & 0xFFFFFF).as("%s pixel %d,%d", status, x, y).isZero();
                    }
                }
            }
        }
    }

    @Test
    void trayIconPicksTheSmallestRenderedSizeNotBelowTheRequestOrTheLargest() {
        assertThat(AppIcons.traySize(16)).isEqualTo(16);
        assertThat(AppIcons.traySize(20)).isEqualTo(22);
        assertThat(AppIcons.traySize(24)).isEqualTo(32);
        assertThat(AppIcons.traySize(128)).isEqualTo(64);
        assertThat(AppIcons.trayIcon(TrayStatus.DOWN, 20, false).getPath()).endsWith("/tray-down-22.png");
        assertThat(AppIcons.trayIcon(TrayStatus.OK, 44, true).getPath()).endsWith("/tray-ok-template-64.png");
    }

    private static void assertDimensions(URL url, int size) throws IOException {
        BufferedImage image = ImageIO.read(url);
        assertThat(image).as(url.toString()).isNotNull();
        assertThat(image.getWidth()).as(url.toString()).isEqualTo(size);
        assertThat(image.getHeight()).as(url.toString()).isEqualTo(size);
    }
}
