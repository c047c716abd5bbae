package se.uppfoljning.appendix;

import java.util.List;

/** Texts as officials and residents really write them, for the document tests. */
public final class RealWorldTexts {

    public static final String EMOJI = "Klart ✅ och ökande 📈";
    public static final String MATH = "Formeln 𝐀 = 𝔹 ∑ 𝑥ᵢ ≈ √2";
    public static final String CHINESE = "负责人：王小明（中文）";
    public static final String ARABIC = "المسؤول: محمد العلي";
    public static final String PERSIAN = "مسئول: پریسا کاظمی‌نژاد";
    public static final String TIGRINYA = "ሓላፊ፡ ሰላም ተስፋይ";
    /** 60 letters: a Swedish compound word as a comment may hold one. */
    public static final String LONG_WORD = "Kommunstyrelseförvaltningensverksamhetsuppföljningsrapporter";
    public static final String LONG_URL = "https://www.orebro.se/download/18.7f2a1b3c18e0a1b2c3d4e5f6/1717171717171/"
            + "Delarsrapport-med-prognos-1-2024-Kommunstyrelsen-bilaga-2-uppfoljning.pdf";
    public static final String NAMES = "Ansvariga: " + ARABIC + ", " + TIGRINYA;

    public static final List<String> ALL = List.of(EMOJI, MATH, CHINESE, ARABIC, PERSIAN, TIGRINYA,
            "Ordet " + LONG_WORD + " ska brytas", "Se " + LONG_URL);

    private RealWorldTexts() {
    }
}
