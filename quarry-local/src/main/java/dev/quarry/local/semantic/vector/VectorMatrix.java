package dev.quarry.local.semantic.vector;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Arrays;

/**
 * A dense matrix of {@code float} vectors stored row after row in one flat array: row {@code i}
 * occupies {@code data[i * dimensions, (i + 1) * dimensions)}. One array instead of one per row
 * keeps the vectors compact (no per-row object headers) and contiguous for the kernels.
 *
 * <p>The matrix wraps the array it is given without copying it; {@link #data()} hands the same
 * array back. Callers that keep a reference must not change it while a kernel runs.
 *
 * <pre>{@code
 * VectorMatrix m = VectorMatrix.of(new float[][] {{1, 0}, {0, 1}});
 * float y = m.get(1, 1); // 1.0
 * }</pre>
 */
public final class VectorMatrix {
    private final float[] data;
    private final int rows;
    private final int dimensions;

    /**
     * A matrix over a flat row-major array, without copying it.
     *
     * <pre>{@code VectorMatrix m = new VectorMatrix(new float[] {1, 2, 3, 4}, 2, 2);}</pre>
     *
     * @param data the values, {@code rows * dimensions} of them
     * @param rows the number of vectors
     * @param dimensions the length of each vector, at least 1
     * @throws QuarryException INVALID_ARGUMENT when the sizes do not match the array
     */
    public VectorMatrix(float[] data, int rows, int dimensions) {
        if (data == null) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Vector data is null; pass a float array");
        }
        if (rows < 0 || dimensions < 1) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "A vector matrix needs rows >= 0 and dimensions >= 1, got rows=" + rows + ", dimensions="
                            + dimensions);
        }
        if ((long) rows * dimensions != data.length) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "A " + rows + " x " + dimensions + " vector matrix needs " + (long) rows * dimensions
                            + " values, the array holds " + data.length);
        }
        this.data = data;
        this.rows = rows;
        this.dimensions = dimensions;
    }

    /**
     * Copies equally long vectors into one matrix.
     *
     * <pre>{@code VectorMatrix m = VectorMatrix.of(new float[][] {{1, 0}, {0, 1}});}</pre>
     *
     * @param vectors the vectors, at least one, none null, all of one length
     * @return the matrix
     * @throws QuarryException INVALID_ARGUMENT when a vector is null or the lengths differ
     */
    public static VectorMatrix of(float[][] vectors) {
        if (vectors == null || vectors.length == 0) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "VectorMatrix.of needs at least one vector to know the dimensions; use the constructor for an"
                            + " empty matrix");
        }
        int d = checkedRow(vectors, 0, -1).length;
        float[] data = new float[Math.multiplyExact(vectors.length, d)];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(checkedRow(vectors, i, d), 0, data, i * d, d);
        }
        return new VectorMatrix(data, vectors.length, d);
    }

    private static float[] checkedRow(float[][] vectors, int i, int expected) {
        float[] v = vectors[i];
        if (v == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "Vector " + i + " is null; a VectorMatrix holds no missing rows");
        }
        if (expected >= 0 && v.length != expected) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Vector " + i + " has " + v.length + " values, vector 0 has " + expected
                            + "; all vectors must have the same dimensions");
        }
        if (v.length == 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Vector " + i + " is empty; vectors need values");
        }
        return v;
    }

    /**
     * The number of vectors.
     *
     * <pre>{@code int n = m.rows();}</pre>
     *
     * @return the row count
     */
    public int rows() {
        return rows;
    }

    /**
     * The length of each vector.
     *
     * <pre>{@code int d = m.dimensions();}</pre>
     *
     * @return the dimensions
     */
    public int dimensions() {
        return dimensions;
    }

    /**
     * The backing array (not a copy), row after row.
     *
     * <pre>{@code float first = m.data()[0];}</pre>
     *
     * @return the values
     */
    public float[] data() {
        return data;
    }

    /**
     * One value.
     *
     * <pre>{@code float v = m.get(row, 3);}</pre>
     *
     * @param row the row, from 0
     * @param dimension the dimension, from 0
     * @return the value
     */
    public float get(int row, int dimension) {
        if (row < 0 || row >= rows || dimension < 0 || dimension >= dimensions) {
            throw new IndexOutOfBoundsException(
                    "(" + row + ", " + dimension + ") is outside a " + rows + " x " + dimensions + " matrix");
        }
        return data[row * dimensions + dimension];
    }

    /**
     * A copy of one row.
     *
     * <pre>{@code float[] v = m.row(0);}</pre>
     *
     * @param row the row, from 0
     * @return the vector
     */
    public float[] row(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " is outside a matrix of " + rows + " rows");
        }
        return Arrays.copyOfRange(data, row * dimensions, (row + 1) * dimensions);
    }

    @Override
    public String toString() {
        return "VectorMatrix[" + rows + " x " + dimensions + "]";
    }
}
