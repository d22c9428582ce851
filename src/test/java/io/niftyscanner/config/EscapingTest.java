package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTest {
    @Test
    void htmlEscapesMarkupAndQuotes() {
        assertThat(Escaping.html("<script>alert('x')</script> & \"y\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
        assertThat(Escaping.html(null)).isEmpty();
    }

    @Test
    void valueEscapesEveryControlCharacterQuotesAndCuts() {
        assertThat(Escaping.value("a\u001b[31mb\nc\"d\\e\u202ef")).isEqualTo("a\\u001b[31mb\\u000ac\\\"d\\\\e\\u202ef");
        String longValue = "x".repeat(500);
        assertThat(Escaping.value(longValue)).startsWith("x".repeat(200) + "...").endsWith("(500 characters)");
    }

    @Test
    void controlsKeepsLinesAndTabsOnly() {
        assertThat(Escaping.controls("line1\n\tat x\r\nline3\u001b[2J\rX\u0085")).isEqualTo("line1\n\tat x\r\nline3\\u001b[2J\\u000dX\\u0085");
        String plain = "nothing to do";
        assertThat(Escaping.controls(plain)).isSameAs(plain);
    }
}
