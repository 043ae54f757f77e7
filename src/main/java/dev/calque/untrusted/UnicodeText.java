package dev.calque.untrusted;

import java.io.CharConversionException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which Unicode encoding a settings or rule file Calque did not write is in, as YAML 1.2 (§5.2) and XML
 * (appendix F) find it: a byte-order mark (UTF-8, UTF-16 or UTF-32, either order), else the zero bytes
 * around its first character (an ASCII character in UTF-16 or UTF-32 without a mark), else UTF-8. Windows
 * tools save {@code calque.yml} or a glossary as "Unicode", i.e. UTF-16 with its mark (docs/security.md,
 * round nine).
 */
public final class UnicodeText {
    /** What is looked at before anything is decoded: enough to see whether a mark is followed by its encoding. */
    public static final int HEAD = 4096;

    private UnicodeText() {
    }

    /** @param skip the bytes of the byte-order mark, not part of the text */
    public record Encoding(Charset charset, int skip) {
        public boolean utf8() {
            return charset.equals(StandardCharsets.UTF_8);
        }
    }

    /**
     * The encoding of a file that starts with {@code head} (its first bytes, {@link #HEAD} or all of them).
     *
     * @throws CharConversionException when a UTF-16 mark stands before bytes that are not UTF-16: UTF-16 text
     *                                 of any settings, table or markup file holds zero bytes (its ASCII
     *                                 half); UTF-8 text never does
     */
    public static Encoding of(byte[] head, int n) throws CharConversionException {
        int b0 = n > 0 ? head[0] & 0xff : -1, b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1, b3 = n > 3 ? head[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) return new Encoding(Charset.forName("UTF-32BE"), 4);
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) return new Encoding(Charset.forName("UTF-32LE"), 4);
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return new Encoding(StandardCharsets.UTF_8, 3);
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            boolean zero = false;
            for (int i = 2; i < n && !zero; i++) zero = head[i] == 0;
            if (!zero && n > 16) {
                throw new CharConversionException(NOT_UTF16 + " (a mark put before UTF-8 text?)");
            }
            return new Encoding(b0 == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE, 2);
        }
        if (n >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) return new Encoding(Charset.forName("UTF-32BE"), 0);
        if (n >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) return new Encoding(Charset.forName("UTF-32LE"), 0);
        if (n >= 2 && b0 == 0 && b1 != 0) return new Encoding(StandardCharsets.UTF_16BE, 0);
        if (n >= 2 && b0 != 0 && b1 == 0) return new Encoding(StandardCharsets.UTF_16LE, 0);
        return new Encoding(StandardCharsets.UTF_8, 0);
    }

    /** How a reason starts when a UTF-16 mark is not followed by UTF-16 ({@link UntrustedYaml#reason}). */
    static final String NOT_UTF16 = "a UTF-16 byte-order mark before bytes that are not UTF-16";
    /** How a reason starts when UTF-16 or UTF-32 text is damaged ({@link UntrustedYaml#reason}). */
    static final String INVALID = "Invalid ";

    /**
     * A strict reader of UTF-16 or UTF-32 bytes (after the mark): a lone surrogate or a cut character is an
     * error naming the encoding, never a replacement character.
     */
    public static Reader reader(InputStream in, Encoding e) throws IOException {
        if (in.skip(e.skip()) != e.skip()) throw new CharConversionException(INVALID + e.charset().name() + ": cut short");
        return new FilterReader(new InputStreamReader(in, e.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                try {
                    return super.read(cbuf, off, len);
                } catch (CharacterCodingException x) {
                    throw new CharConversionException(INVALID + e.charset().name() + " (a lone surrogate or a character"
                            + " cut short)");
                }
            }

            @Override
            public int read() throws IOException {
                char[] one = new char[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }
        };
    }
}
