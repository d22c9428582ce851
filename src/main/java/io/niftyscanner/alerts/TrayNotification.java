package io.niftyscanner.alerts;

import io.niftyscanner.market.Side;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/**
 * Windows (and the fallback elsewhere): a tray icon whose balloon, a toast on Windows 10 and 11, carries the alert.
 * The icon is added at the first alert and removed at close. Where there is no tray (headless, GNOME without an
 * extension) it says so and stays out of the way.
 */
final class TrayNotification implements DesktopBackend {
    private volatile String reason;
    private volatile boolean checked;
    private TrayIcon icon;

    @Override
    public String name() {
        return "system tray";
    }

    @Override
    public String unavailableReason() {
        if (!checked) {
            String r;
            try {
                r = SystemTray.isSupported() ? null : "no system tray on this desktop: no tray notifications";
            } catch (RuntimeException | Error e) {
                r = "no system tray (" + ChannelRunner.describe(e) + ")";
            }
            reason = r;
            checked = true;
        }
        return reason;
    }

    @Override
    public synchronized Delivery show(Alert alert) throws Exception {
        if (unavailableReason() != null) {
            return Delivery.failed(reason);
        }
        if (icon == null) {
            TrayIcon i = new TrayIcon(image(), "NIFTY Scanner");
            i.setImageAutoSize(true);
            SystemTray.getSystemTray().add(i);
            icon = i;
        }
        icon.displayMessage(alert.title(), alert.body(), alert.side() == Side.BUY ? TrayIcon.MessageType.INFO
                : TrayIcon.MessageType.WARNING);
        return Delivery.OK;
    }

    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1E, 0x88, 0xE5));
        g.fillOval(2, 2, 28, 28);
        g.setColor(Color.WHITE);
        g.fillPolygon(new int[] {9, 16, 23}, new int[] {20, 10, 20}, 3);
        g.dispose();
        return img;
    }

    @Override
    public synchronized void close() {
        if (icon != null) {
            try {
                SystemTray.getSystemTray().remove(icon);
            } catch (RuntimeException | Error ignored) {
                // the desktop is going away with us
            }
            icon = null;
        }
    }
}
