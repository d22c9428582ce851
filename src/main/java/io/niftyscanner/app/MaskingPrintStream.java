package io.niftyscanner.app;

import io.niftyscanner.config.Escaping;
import io.niftyscanner.config.Secrets;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The terminal streams of the command line: every text printed goes through {@link Secrets#redact}, so no command
 * can print a secret whatever message it passes on, and control characters other than line breaks and tabs are
 * escaped ({@link Escaping#controls}), so a server's message cannot drive the terminal.
 */
public final class MaskingPrintStream extends PrintStream {
    public MaskingPrintStream(OutputStream out, Charset charset) {
        super(out, true, charset);
    }

    @Override
    public void print(String s) {
        super.print(Escaping.controls(Secrets.redact(String.valueOf(s))));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void println(String s) {
        synchronized (this) {
            print(s);
            println();
        }
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }

    @Override
    public PrintStream format(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        print(String.format(l, format, args));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        print(String.valueOf(csq == null ? "null" : csq).subSequence(start, end).toString());
        return this;
    }
}
