package io.crossbook.core.model;

import java.math.BigDecimal;

/**
 * Exact fixed-point decimals: a {@code long} mantissa and a decimal scale, so that the value is
 * {@code mantissa / 10^scale}. Prices and quantities are parsed straight from the exchange's
 * strings without {@code double} or {@link BigDecimal}, and without allocating.
 */
public final class FixedPoint {

    /** Returned by the parse methods for text that is not a plain decimal, or does not fit. */
    public static final long INVALID = Long.MIN_VALUE;

    /** The largest scale a {@code long} mantissa can carry with at least one integer digit. */
    public static final int MAX_SCALE = 18;

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FixedPoint() {
    }

    public static long pow10(int n) {
        return POW10[n];
    }

    /**
     * Parses a plain decimal ({@code -?digits(.digits)?}) to its mantissa at {@code scale}.
     * Returns {@link #INVALID} if the text is not a plain decimal, has more significant decimal
     * places than {@code scale} (trailing zeros do not count), or overflows a {@code long}.
     */
    public static long parse(char[] s, int off, int len, int scale) {
        if (len <= 0) {
            return INVALID;
        }
        int i = off;
        int end = off + len;
        boolean negative = s[i] == '-';
        if (negative && ++i == end) {
            return INVALID;
        }
        long value = 0;
        int digits = 0;
        int decimals = -1; // -1 until the decimal point is seen
        int pendingZeros = 0; // zeros after the point not yet multiplied in (they may be trailing)
        for (; i < end; i++) {
            char c = s[i];
            if (c == '.') {
                if (decimals >= 0 || digits == 0) {
                    return INVALID;
                }
                decimals = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            digits++;
            if (decimals < 0) {
                if (value > (Long.MAX_VALUE - d) / 10) {
                    return INVALID;
                }
                value = value * 10 + d;
            } else if (d == 0) {
                pendingZeros++;
            } else {
                decimals += pendingZeros + 1;
                if (decimals > scale) {
                    return INVALID;
                }
                for (; pendingZeros > 0; pendingZeros--) {
                    if (value > Long.MAX_VALUE / 10) {
                        return INVALID;
                    }
                    value *= 10;
                }
                if (value > (Long.MAX_VALUE - d) / 10) {
                    return INVALID;
                }
                value = value * 10 + d;
            }
        }
        if (digits == 0 || decimals == 0 && s[end - 1] == '.') {
            return INVALID;
        }
        int shift = scale - Math.max(decimals, 0);
        if (shift > MAX_SCALE || value > Long.MAX_VALUE / POW10[shift]) {
            return INVALID;
        }
        value *= POW10[shift];
        return negative ? -value : value;
    }

    /** Largest mantissa {@link #parseNatural} accepts: 2^58 - 1, 17 significant digits and more. */
    private static final long NATURAL_LIMIT = (1L << 58) - 1;

    /**
     * Parses a plain decimal at its own significant scale (trailing zeros dropped) in one pass,
     * returning mantissa and scale packed as {@code mantissa << 5 | scale}: unpack with
     * {@link #naturalValue} and {@link #naturalScale}. Returns {@link #INVALID} for text that is
     * not a plain decimal or whose mantissa reaches 2^58.
     */
    public static long parseNatural(char[] s, int off, int len) {
        int end = off + len;
        int i = off;
        if (len <= 0) {
            return INVALID;
        }
        boolean negative = s[i] == '-';
        if (negative && ++i == end) {
            return INVALID;
        }
        long value = 0;
        int decimals = -1;
        int pendingZeros = 0;
        boolean digits = false;
        for (; i < end; i++) {
            int d = s[i] - '0';
            if (d >= 0 && d <= 9) {
                digits = true;
                if (decimals >= 0) {
                    if (d == 0) {
                        pendingZeros++;
                        continue;
                    }
                    decimals += pendingZeros + 1;
                    for (; pendingZeros > 0; pendingZeros--) {
                        if (value > NATURAL_LIMIT / 10) {
                            return INVALID;
                        }
                        value *= 10;
                    }
                }
                if (value > (NATURAL_LIMIT - d) / 10) {
                    return INVALID; // value * 10 + d would reach 2^58
                }
                value = value * 10 + d;
            } else if (s[i] == '.' && decimals < 0 && digits && i + 1 < end) {
                decimals = 0;
            } else {
                return INVALID;
            }
        }
        if (!digits) {
            return INVALID;
        }
        int scale = Math.max(decimals, 0);
        return (negative ? -value : value) << 5 | scale;
    }

    public static long naturalValue(long packed) {
        return packed >> 5;
    }

    public static int naturalScale(long packed) {
        return (int) (packed & 31);
    }

    public static long parse(CharSequence s, int scale) {
        char[] chars = s.toString().toCharArray();
        return parse(chars, 0, chars.length, scale);
    }

    /** Converts a mantissa to a larger or equal scale; throws if it would overflow. */
    public static long rescale(long mantissa, int fromScale, int toScale) {
        if (toScale < fromScale) {
            throw new IllegalArgumentException("cannot narrow scale " + fromScale + " to " + toScale);
        }
        return Math.multiplyExact(mantissa, POW10[toScale - fromScale]);
    }

    public static BigDecimal toBigDecimal(long mantissa, int scale) {
        return BigDecimal.valueOf(mantissa, scale);
    }

    /** The mantissa of {@code value} at {@code scale}; throws if it is not exactly representable. */
    public static long fromBigDecimal(BigDecimal value, int scale) {
        return value.setScale(scale).unscaledValue().longValueExact();
    }

    /** The shortest exact plain decimal: {@code format(6180020, 2)} is {@code "61800.2"}. */
    public static String format(long mantissa, int scale) {
        StringBuilder sb = new StringBuilder(24);
        appendTo(sb, mantissa, scale);
        return sb.toString();
    }

    /** Appends the shortest exact plain decimal, as {@link #format}, without allocating. */
    public static void appendTo(StringBuilder sb, long mantissa, int scale) {
        if (mantissa < 0) {
            sb.append('-');
            mantissa = -mantissa;
        }
        while (scale > 0 && mantissa % 10 == 0) {
            mantissa /= 10;
            scale--;
        }
        if (scale == 0) {
            sb.append(mantissa);
            return;
        }
        long unit = POW10[scale];
        sb.append(mantissa / unit).append('.');
        long fraction = mantissa % unit;
        for (long p = unit / 10; p > fraction && p > 1; p /= 10) {
            sb.append('0');
        }
        sb.append(fraction);
    }
}
