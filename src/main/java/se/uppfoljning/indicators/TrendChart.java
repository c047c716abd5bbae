package se.uppfoljning.indicators;


import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import se.uppfoljning.base.text.HtmlText;

/**
 * The values per year as a small line chart in SVG, drawn on the server (no frontend bundle): points and a line for
 * the total values, a dashed line for a target value (minst/högst), year labels, the lowest and highest value, and
 * "Källa: Kolada" when a value came from Kolada. Colour is not the only carrier: every value is also in the table
 * beside it and in the chart's accessible name.
 */
public final class TrendChart {

    private static final int WIDTH = 440;
    private static final int HEIGHT = 190;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 44;

    private TrendChart() {
    }

    /**
     * {@code totals}: the values oldest first (nulls skipped); {@code title}: the accessible name; {@code targetLabel}
     * the text beside the target line; {@code credit} written under the chart when non-null. Empty string when there
     * is no value to draw.
     */
    public static String svg(List<MeasuredValue> totals, IndicatorTarget target, String title, String targetLabel,
                             String credit) {
        List<MeasuredValue> points = totals.stream().filter(v -> v.value() != null).toList();
        if (points.isEmpty()) {
            return "";
        }
        BigDecimal targetValue = target != null && target.kind().needsValue() ? target.value() : null;
        BigDecimal min = points.stream().map(MeasuredValue::value).reduce(BigDecimal::min).orElseThrow();
        BigDecimal max = points.stream().map(MeasuredValue::value).reduce(BigDecimal::max).orElseThrow();
        if (targetValue != null) {
            min = min.min(targetValue);
            max = max.max(targetValue);
        }
        if (min.compareTo(max) == 0) { // one level: give the line some room
            BigDecimal pad = min.abs().compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : min.abs().movePointLeft(1);
            min = min.subtract(pad);
            max = max.add(pad);
        }
        int firstYear = points.get(0).year();
        int lastYear = points.get(points.size() - 1).year();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"indicator-chart\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" aria-label=\"").append(HtmlText.escape(title)).append("\">");
        svg.append("<title>").append(HtmlText.escape(title)).append("</title>");
        // axes
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#6b7280", null));
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#6b7280", null));
        svg.append(text(LEFT - 6, TOP + 4, "end", Numbers.format(max)));
        svg.append(text(LEFT - 6, HEIGHT - BOTTOM, "end", Numbers.format(min)));
        if (targetValue != null) {
            double y = y(targetValue, min, max, plotHeight);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#b91c1c", "5 4"));
            svg.append(text(WIDTH - RIGHT, y - 4, "end", targetLabel));
        }
        StringBuilder path = new StringBuilder();
        for (MeasuredValue v : points) {
            double x = lastYear == firstYear ? LEFT + plotWidth / 2
                    : LEFT + plotWidth * (v.year() - firstYear) / (lastYear - firstYear);
            double y = y(v.value(), min, max, plotHeight);
            path.append(path.isEmpty() ? "M" : " L").append(num(x)).append(' ').append(num(y));
            svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                    .append("\" r=\"3.5\" fill=\"#1d4ed8\"/>");
            svg.append(text(x, HEIGHT - BOTTOM + 16, "middle", String.valueOf(v.year())));
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\"/>");
        if (credit != null) {
            svg.append(text(LEFT, HEIGHT - 6, "start", credit));
        }
        return svg.append("</svg>").toString();
    }

    private static double y(BigDecimal value, BigDecimal min, BigDecimal max, double plotHeight) {
        // display only: the exact values are in the table
        double share = value.subtract(min).divide(max.subtract(min), MathContext.DECIMAL64).doubleValue();
        return TOP + plotHeight * (1 - share);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + colour + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"11\" fill=\"#1f2937\">" + HtmlText.escape(text) + "</text>";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

}
