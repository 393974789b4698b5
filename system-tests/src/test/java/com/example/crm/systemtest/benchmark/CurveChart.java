package com.example.crm.systemtest.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import javax.imageio.ImageIO;

/** Draws the bulk concurrency curve (CRM bulk and raw Keycloak, per second, against concurrency) as a PNG. */
final class CurveChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 80;
    private static final int BOTTOM = 60;
    private static final Color CRM = new Color(0x1f, 0x6f, 0xb5);
    private static final Color RAW = new Color(0x88, 0x88, 0x88);

    private CurveChart() {
    }

    /** {@code curve}: concurrency → {CRM users/s, raw Keycloak calls/s}. */
    static void draw(SortedMap<Integer, double[]> curve, List<Path> files) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double top = curve.values().stream().flatMapToDouble(p -> Arrays.stream(p)).max().orElse(1);
        double yMax = Math.max(5, Math.ceil(top / 5) * 5);
        int maxLevel = Math.max(16, curve.lastKey());
        double xSpan = Math.log(maxLevel) / Math.log(2);
        IntToDoubleFunction x = c -> LEFT + (WIDTH - LEFT - RIGHT) * (Math.log(c) / Math.log(2)) / xSpan;
        DoubleUnaryOperator y = v -> HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * v / yMax;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString("Bulk send: users per second by concurrency (the CRM warmed up first)", LEFT - 40, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double value = yMax * i / 5;
            int py = (int) y.applyAsDouble(value);
            g.setColor(new Color(0xe5, 0xe5, 0xe5));
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", value), LEFT - 30, py + 4);
        }
        for (int c = 1; c <= maxLevel; c *= 2) {
            int px = (int) x.applyAsDouble(c);
            g.drawLine(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5);
            g.drawString(String.valueOf(c), px - 4, HEIGHT - BOTTOM + 20);
        }
        g.drawString("concurrency (crm.bulk.concurrency / threads calling Keycloak)", LEFT + 140, HEIGHT - 18);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);

        line(g, curve, 1, RAW, x, y);
        line(g, curve, 0, CRM, x, y);
        for (Map.Entry<Integer, double[]> point : curve.entrySet()) {
            double[] v = point.getValue();
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f×", v[0] / v[1]), (int) x.applyAsDouble(point.getKey()) - 14,
                    (int) y.applyAsDouble(Math.max(v[0], v[1])) - 10);
        }
        legend(g, CRM, "CRM bulk run (click to \"Finished\")", 0);
        legend(g, RAW, "raw Keycloak execute-actions-email, same threads", 1);
        g.dispose();
        for (Path file : files) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        }
    }

    private static void line(Graphics2D g, SortedMap<Integer, double[]> curve, int series, Color colour,
            IntToDoubleFunction x, DoubleUnaryOperator y) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.5f));
        int[] last = null;
        for (Map.Entry<Integer, double[]> point : curve.entrySet()) {
            int[] p = {(int) x.applyAsDouble(point.getKey()), (int) y.applyAsDouble(point.getValue()[series])};
            if (last != null) {
                g.drawLine(last[0], last[1], p[0], p[1]);
            }
            g.fillOval(p[0] - 4, p[1] - 4, 8, 8);
            last = p;
        }
        g.setStroke(new BasicStroke(1));
    }

    private static void legend(Graphics2D g, Color colour, String text, int row) {
        int ly = 48 + row * 18;
        g.setColor(colour);
        g.fillRect(LEFT + 15, ly - 8, 14, 8);
        g.setColor(Color.BLACK);
        g.drawString(text, LEFT + 35, ly);
    }
}
