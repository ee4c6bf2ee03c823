package org.openhaven.desktop.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws the tray icon: a shield-blue ring with a status dot, so the state reads at 16 px. Used until the
 * icon set from icons/ is packaged; colours are fixed because a tray has no theme.
 */
public final class TrayIconPainter {

    private TrayIconPainter() {
    }

    static Color colour(TrayStatus status) {
        return switch (status) {
            case OK -> new Color(0x1f, 0x88, 0x3d);
            case DEGRADED -> new Color(0xbf, 0x87, 0x00);
            case DOWN -> new Color(0xcf, 0x22, 0x2e);
            case DEPLOYING -> new Color(0x09, 0x69, 0xda);
            case UNKNOWN -> new Color(0x6e, 0x77, 0x81);
        };
    }

    public static BufferedImage paint(TrayStatus status, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float stroke = Math.max(1.5f, size / 10f);
            g.setStroke(new BasicStroke(stroke));
            g.setColor(new Color(0x0b, 0x3d, 0x91));
            int inset = Math.round(stroke);
            g.drawOval(inset, inset, size - 2 * inset - 1, size - 2 * inset - 1);
            g.setColor(colour(status));
            int dot = size / 2;
            g.fillOval((size - dot) / 2, (size - dot) / 2, dot, dot);
        } finally {
            g.dispose();
        }
        return image;
    }
}
