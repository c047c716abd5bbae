package se.uppfoljning.finance.ui;

import se.uppfoljning.base.text.HtmlText;
import se.uppfoljning.finance.FinanceFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A server-rendered SVG of the balanced-budget goal: the full-year budget and forecast as bars (net amounts by size)
 * and the limit beyond which the goal is not met as a dashed line, each with its value in tkr as text.
 */
final class BudgetPicture {

    private static final int LABEL = 150;
    private static final int PLOT = 420;
    private static final int VALUE = 120;

    private BudgetPicture() {
    }

    /**
     * @param labels texts for "Helårsbudget", "Helårsprognos", "Gräns" and the picture's accessible description
     * @param met    whether the goal is met (the forecast bar's colour; the text says it too)
     */
    static String svg(long forecast, long budget, BigDecimal thresholdPercent, boolean met, String budgetLabel,
                      String forecastLabel, String limitLabel, String description) {
        // the limit: a deviation worse than the threshold's share of the budget
        long allowed = BigDecimal.valueOf(Math.abs(budget)).multiply(thresholdPercent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValue();
        long limit = budget - allowed;
        double max = Math.max(1, Math.max(Math.abs(forecast), Math.max(Math.abs(budget), Math.abs(limit)))) * 1.02;
        double scale = PLOT / max;
        int width = LABEL + PLOT + VALUE;
        int height = 86;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-label=\"").append(HtmlText.escape(description)).append("\">");
        svg.append("<style>text{font:13px sans-serif;fill:#1a1a1a}</style>");
        bar(svg, 8, budgetLabel, Math.abs(budget) * scale, "#5c6bc0", FinanceFormat.tkr(budget) + " tkr");
        bar(svg, 36, forecastLabel, Math.abs(forecast) * scale, met ? "#2e7d32" : "#c62828",
                FinanceFormat.tkr(forecast) + " tkr");
        double x = LABEL + Math.abs(limit) * scale;
        svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                .append("\" y1=\"2\" y2=\"64\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        svg.append("<text x=\"").append(fmt(Math.min(x, LABEL + PLOT - 10))).append("\" y=\"80\" text-anchor=\"middle\">")
                .append(HtmlText.escape(limitLabel + " " + FinanceFormat.tkr(limit) + " tkr")).append("</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, int y, String label, double length, String colour, String value) {
        svg.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(HtmlText.escape(label)).append("</text>");
        svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"")
                .append(fmt(Math.max(length, 0.5))).append("\" height=\"20\" fill=\"").append(colour).append("\"/>");
        svg.append("<text x=\"").append(fmt(LABEL + PLOT + 6)).append("\" y=\"").append(y + 15).append("\">")
                .append(HtmlText.escape(value)).append("</text>");
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
