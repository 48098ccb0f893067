package dev.quarry.local.semantic.vector;

import java.util.concurrent.ForkJoinPool;

/**
 * One side of a dot-product kernel, laid out for the JIT's auto-vectorizer: the vectors are cut
 * into blocks of {@link #width()} rows and each block is stored transposed, one {@code float[]}
 * per dimension holding that dimension of every row in the block. Dotting four other vectors with
 * a whole block is then, per dimension, four {@code s[j] += x * column[j]} loops over whole arrays,
 * which HotSpot's C2 compiles to SIMD instructions (it does not vectorize a loop whose array index
 * carries an offset, nor a reduction such as a plain dot product, hence this layout).
 *
 * <p>A block of 256 rows of 384 floats is 384 KiB, so it stays in a core's L2 cache while many
 * left vectors are dotted with it. Padding rows of the last block are zero.
 *
 * <pre>{@code
 * BlockedDot right = BlockedDot.of(matrix, pool);
 * BlockedDot.dot4(right.block(0), x, 0, x, d, x, 2 * d, x, 3 * d, s0, s1, s2, s3);
 * }</pre>
 */
final class BlockedDot {
    /** The block width for large inputs: 256 rows. */
    static final int MAX_WIDTH = 256;

    private static final int LANES = 16;

    private final float[][][] blocks;
    private final int rows;
    private final int dimensions;
    private final int width;

    private BlockedDot(float[][][] blocks, int rows, int dimensions, int width) {
        this.blocks = blocks;
        this.rows = rows;
        this.dimensions = dimensions;
        this.width = width;
    }

    /**
     * Transposes a matrix into blocks, in parallel over blocks.
     *
     * @param m the vectors
     * @param pool where to run
     * @return the blocked layout
     */
    static BlockedDot of(VectorMatrix m, ForkJoinPool pool) {
        int n = m.rows();
        int d = m.dimensions();
        int width = widthFor(n);
        int count = (n + width - 1) / width;
        float[][][] blocks = new float[count][][];
        float[] data = m.data();
        Parallel.run(pool, count, b -> {
            float[][] block = new float[d][width];
            int start = b * width;
            int end = Math.min(n, start + width);
            for (int j = start; j < end; j++) {
                int base = j * d;
                int col = j - start;
                for (int t = 0; t < d; t++) {
                    block[t][col] = data[base + t];
                }
            }
            blocks[b] = block;
        });
        return new BlockedDot(blocks, n, d, width);
    }

    /** The width for {@code n} rows: 256, or fewer rounded up to 16 when there are fewer rows. */
    static int widthFor(int n) {
        int rounded = Math.max(LANES, (n + LANES - 1) / LANES * LANES);
        return Math.min(MAX_WIDTH, rounded);
    }

    int rows() {
        return rows;
    }

    int dimensions() {
        return dimensions;
    }

    int width() {
        return width;
    }

    int blockCount() {
        return blocks.length;
    }

    float[][] block(int b) {
        return blocks[b];
    }

    /** The first row of block {@code b}. */
    int blockStart(int b) {
        return b * width;
    }

    /** The real (unpadded) rows of block {@code b}. */
    int blockRows(int b) {
        return Math.min(width, rows - b * width);
    }

    /**
     * Dots four vectors with every row of a block: {@code sI[j] = x_I · row_j}. Each vector is given
     * as an array and the offset of its first value; a missing vector can be a zero array.
     *
     * @param block the transposed block, {@code d} arrays of the block width
     * @param x0 the array of the first vector
     * @param o0 its offset
     * @param x1 the array of the second vector
     * @param o1 its offset
     * @param x2 the array of the third vector
     * @param o2 its offset
     * @param x3 the array of the fourth vector
     * @param o3 its offset
     * @param s0 receives the first vector's dot products, block-width long
     * @param s1 receives the second's
     * @param s2 receives the third's
     * @param s3 receives the fourth's
     */
    static void dot4(
            float[][] block,
            float[] x0,
            int o0,
            float[] x1,
            int o1,
            float[] x2,
            int o2,
            float[] x3,
            int o3,
            float[] s0,
            float[] s1,
            float[] s2,
            float[] s3) {
        set4(s0, s1, s2, s3, block[0], x0[o0], x1[o1], x2[o2], x3[o3]);
        for (int t = 1; t < block.length; t++) {
            add4(s0, s1, s2, s3, block[t], x0[o0 + t], x1[o1 + t], x2[o2 + t], x3[o3 + t]);
        }
    }

    // The two loops below must stay in this exact shape (whole arrays, index j alone, one column
    // read per step) for C2 to vectorize them.

    private static void set4(
            float[] s0, float[] s1, float[] s2, float[] s3, float[] col, float a0, float a1, float a2, float a3) {
        for (int j = 0; j < col.length; j++) {
            float v = col[j];
            s0[j] = a0 * v;
            s1[j] = a1 * v;
            s2[j] = a2 * v;
            s3[j] = a3 * v;
        }
    }

    private static void add4(
            float[] s0, float[] s1, float[] s2, float[] s3, float[] col, float a0, float a1, float a2, float a3) {
        for (int j = 0; j < col.length; j++) {
            float v = col[j];
            s0[j] += a0 * v;
            s1[j] += a1 * v;
            s2[j] += a2 * v;
            s3[j] += a3 * v;
        }
    }
}
