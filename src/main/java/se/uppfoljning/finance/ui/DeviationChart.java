package se.uppfoljning.finance.ui;

import se.uppfoljning.base.text.HtmlText;
import se.uppfoljning.finance.FinanceFormat;

import java.util.List;
import java.util.Locale;

/**
 * A server-rendered SVG bar chart of the full-year deviation per unit: each bar has its unit and value as text, and
 * negative bars also a "▼", so colour is never the only carrier.
 */
final class DeviationChart {

    record Bar(String label, long kronor) {
    }

    private static final int ROW = 20;
    private static final int LABEL = 300;
    private static final int VALUE = 90;
    private static final int PLOT = 420;

    private DeviationChart() {
    }

    static String svg(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(b -> Math.abs(b.kronor())).max().orElse(1));
        long min = bars.stream().mapToLong(Bar::kronor).min().orElse(0);
        long top = bars.stream().mapToLong(Bar::kronor).max().orElse(0);
        // zero axis placed by the share of negative and positive range
        double negShare = min < 0 ? (double) -min / ((top > 0 ? top : 0) - min) : 0;
        double zero = LABEL + PLOT * negShare;
        int height = bars.size() * ROW + 30;
        int width = LABEL + PLOT + VALUE + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-label=\"").append(HtmlText.escape(title)).append("\">");
        svg.append("<title>").append(HtmlText.escape(title)).append("</title>");
        svg.append("<style>text{font:12px sans-serif;fill:#1a1a1a}</style>");
        double scale = (double) PLOT / (top > 0 && min < 0 ? top - min : max);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 10 + i * ROW;
            double length = Math.abs(bar.kronor()) * scale;
            boolean negative = FinanceFormat.toTkr(bar.kronor()) < 0;
            double x = negative ? zero - length : zero;
            svg.append("<text x=\"0\" y=\"").append(y + 13).append("\">").append(HtmlText.escape(truncate(bar.label())))
                    .append("</text>");
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(Math.max(length, 0.5))).append("\" height=\"").append(ROW - 6).append("\" fill=\"")
                    .append(negative ? "#c62828" : "#2e7d32").append("\"><title>")
                    .append(HtmlText.escape(bar.label() + ": " + FinanceFormat.tkr(bar.kronor()) + " tkr"))
                    .append("</title></rect>");
            svg.append("<text x=\"").append(LABEL + PLOT + 6).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"start\">").append(FinanceFormat.tkr(bar.kronor()))
                    .append(negative ? " ▼" : "").append("</text>");
        }
        svg.append("<line x1=\"").append(fmt(zero)).append("\" x2=\"").append(fmt(zero))
                .append("\" y1=\"5\" y2=\"").append(height - 20).append("\" stroke=\"#555\" stroke-width=\"1\"/>");
        svg.append("<text x=\"").append(fmt(zero)).append("\" y=\"").append(height - 5)
                .append("\" text-anchor=\"middle\">0 tkr</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static String truncate(String s) {
        return s.length() > 46 ? s.substring(0, 45) + "…" : s;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

}
