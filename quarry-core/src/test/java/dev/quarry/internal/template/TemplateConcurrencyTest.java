package dev.quarry.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One parsed template, rendered from several threads at once. */
class TemplateConcurrencyTest {
    private static final int THREADS = 4;
    private static final int RENDERS_PER_THREAD = 5_000;

    record Item(String name, int qty) {}

    @Test
    void render_sharedTemplateFromManyThreads_givesEachCallItsOwnResult() throws Exception {
        // loops, set and loop variables live in per-render slots: a shared frame would mix threads up
        Template template = Template.parse("{% set who = user | upper %}{{ who }}:{% for it in items %}"
                + "{% set line = loop.index ~ '=' ~ it.name %}{{ line }}x{{ it.qty }}{% if not loop.last %},{% endif %}"
                + "{% endfor %}");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < RENDERS_PER_THREAD; i++) {
                        int n = 1 + (i + thread) % 4;
                        List<Item> items = new ArrayList<>();
                        StringBuilder expected = new StringBuilder("T" + thread + "R" + i + ":");
                        for (int k = 0; k < n; k++) {
                            items.add(new Item("i" + thread + "_" + k, i));
                            expected.append(k + 1)
                                    .append("=i")
                                    .append(thread)
                                    .append('_')
                                    .append(k)
                                    .append('x')
                                    .append(i);
                            if (k < n - 1) {
                                expected.append(',');
                            }
                        }
                        String out = template.render(Map.of("user", "t" + thread + "r" + i, "items", items));
                        assertThat(out).isEqualTo(expected.toString());
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(THREADS * RENDERS_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
    }
}
