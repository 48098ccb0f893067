package dev.quarry.examples;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Facts read straight from a bundled file, as an oracle for the tests. */
final class ExampleDataLines {
    private ExampleDataLines() {}

    /** Lines of the file that match {@code regex}. */
    static long count(Path dir, String file, String regex) {
        Pattern p = Pattern.compile(regex);
        try {
            return Files.readAllLines(ExampleData.copyTo(dir.resolve("oracle"), file)).stream()
                    .filter(l -> p.matcher(l).find())
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records of a CSV file whose value in column {@code column} (0-based) repeats an earlier one. */
    static long duplicates(Path dir, String file, int column) {
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        List<List<String>> records = csv(ExampleData.copyTo(dir.resolve("oracle"), file));
        for (List<String> record : records.subList(1, records.size())) {
            if (!seen.add(record.get(column))) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes. */
    static List<List<String>> csv(Path path) {
        List<List<String>> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(path)) {
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            while ((c = in.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !record.isEmpty()) {
                record.add(field.toString());
                records.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
