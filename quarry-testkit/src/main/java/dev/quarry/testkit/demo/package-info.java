/**
 * What the offline demo and the examples run on: {@link dev.quarry.testkit.demo.DemoAnswers}, the
 * simulator's plausible, data-keyed answers for the datasets bundled with Quarry, and
 * {@link dev.quarry.testkit.demo.DemoModels}, which picks a real provider when its key is in the
 * environment and starts the simulator otherwise.
 *
 * <pre>{@code
 * try (DemoModels models = DemoModels.fromEnvironment(System.getenv())) {
 *     System.out.println(models.description());
 * }
 * }</pre>
 */
package dev.quarry.testkit.demo;
