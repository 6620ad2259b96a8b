package org.taskdesk.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.list.TaskCell;
import org.taskdesk.ui.tasks.MainWindowModels;
import org.taskdesk.ui.tasks.search.SearchViewModel;
import org.taskdesk.ui.tasks.undo.TaskChanges;
import org.taskdesk.tasks.SavedSearch;

/**
 * Filter-as-you-type and scrolling at 100,000 tasks, in a headless JavaFX scene (Monocle), against a 16 ms frame
 * and against a baseline measured in the same run: a plain loop over the same records. Not a unit test; run it
 * with {@code bench/filter-latency}. Prints median and p95 of each.
 */
public final class FilterLatencyBenchmark {
    private static final double FRAME_MS = 16.0;
    private static final String[] WORDS = {"report", "invoice", "call", "email", "review", "plan", "buy", "fix",
        "write", "book", "pay", "clean", "prepare", "send", "update", "read", "draft", "order", "check", "meet"};
    private static final String[] OBJECTS = {"budget", "slides", "dentist", "groceries", "flights", "car", "garden",
        "taxes", "newsletter", "contract", "roadmap", "kitchen", "team", "landlord", "insurance", "backup"};
    private static final String[] TAGS = {"work", "home", "health", "travel", "family", "finance", "reading",
        "errands", "work/reports", "work/meetings", "garden", "music"};
    /** What a person types, one keystroke at a time: words, tags and the filter language. */
    private static final String[] QUERIES = {"report", "#work due:7d", "budget & priority:high", "!is:done #home",
        "call dentist", "due:overdue | due:today"};

    private FilterLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int taskCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));

        ZoneId zone = ZoneId.of("Europe/Berlin");
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), zone);
        List<Task> tasks = generate(taskCount, clock, new Random(20261121L));

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);

        String report = onFx(() -> run(tasks, clock, rounds));
        System.out.print(report);
        Platform.exit();
    }

    private static String run(List<Task> tasks, Clock clock, int rounds) {
        MainWindowModels model = new MainWindowModels(null, null, null, new DirectBackgroundTasks(), null, clock);
        long loadStart = System.nanoTime();
        model.store().showTasks(tasks);
        double loadMs = ms(System.nanoTime() - loadStart);
        model.sidebar().selectedListProperty().set(null); // everything, open and done: the largest list

        ListView<Task> list = new ListView<>(model.list().visibleTasks());
        list.setFixedCellSize(40);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        int[] cellsMade = new int[1];
        list.setCellFactory(v -> {
            cellsMade[0]++;
            return new TaskCell(clock, t -> { });
        });
        StackPane root = new StackPane(list);
        Stage stage = new Stage();
        stage.setScene(new Scene(root, 1200, 760));
        stage.show();
        layout(root);

        // Baseline: the least any per-keystroke pass must do, touch every record once.
        List<Double> baseline = new ArrayList<>();
        long sink = 0;
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            for (Task task : tasks) {
                sink += task.title().length() + task.priority().ordinal();
            }
            baseline.add(ms(System.nanoTime() - t0));
        }

        int cellsBeforeTyping = cellsMade[0];
        // Filter as you type: each keystroke sets the search text, then the list lays out its visible cells.
        List<Double> keystrokes = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Double> narrowing = new ArrayList<>();
        List<Double> fullPass = new ArrayList<>();
        int typed = 0;
        for (int round = 0; round < rounds + 1; round++) {
            for (String query : QUERIES) {
                for (int end = 1; end <= query.length(); end++) {
                    long t0 = System.nanoTime();
                    model.search().textProperty().set(query.substring(0, end));
                    layout(root);
                    typed++;
                    double took = ms(System.nanoTime() - t0);
                    if (round > 0) { // the first round warms the JIT up
                        (SearchViewModel.narrows(query.substring(0, end - 1), query.substring(0, end))
                                ? narrowing : fullPass).add(took);
                        keystrokes.add(took);
                        sizes.add(list.getItems().size());
                    }
                }
                model.search().textProperty().set("");
                layout(root);
            }
        }

        int cellsMadeWhileTyping = cellsMade[0] - cellsBeforeTyping;
        // The same keystrokes with the list view detached: the view model's share of the time.
        list.setItems(javafx.collections.FXCollections.observableArrayList());
        List<Double> modelOnly = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String query : QUERIES) {
                for (int end = 1; end <= query.length(); end++) {
                    long t0 = System.nanoTime();
                    model.search().textProperty().set(query.substring(0, end));
                    modelOnly.add(ms(System.nanoTime() - t0));
                }
                model.search().textProperty().set("");
            }
        }
        list.setItems(model.list().visibleTasks());
        layout(root);

        // Scrolling: page down through the whole list, laying out each page.
        model.search().textProperty().set("");
        layout(root);
        javafx.scene.control.skin.VirtualFlow<?> flow =
                (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
        List<Double> pages = new ArrayList<>();
        int pageCount = 0;
        for (int round = 0; round < 2; round++) {
            list.scrollTo(0);
            layout(root);
            for (int page = 0; page < 500; page++) {
                long t0 = System.nanoTime();
                flow.scrollPixels(list.getHeight());
                layout(root);
                if (round > 0) {
                    pages.add(ms(System.nanoTime() - t0));
                    pageCount++;
                }
            }
        }
        int firstShown = flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();

        // One task changed (a title edited) with saved searches of words in the sidebar: the sidebar counts every
        // task against each saved search, then the list filters, then the layout. A search typed in the box too.
        model.sidebar().showSavedSearches(List.of(new SavedSearch(1, "Budget", "budget"),
                new SavedSearch(2, "Calls and mail", "call | email"), new SavedSearch(3, "Dentist", "\"dentist\"")));
        model.search().textProperty().set("report");
        layout(root);
        List<Double> changes = new ArrayList<>();
        Instant edited = clock.instant();
        for (int round = 0; round < 40 * (rounds + 1); round++) {
            Task task = tasks.get((round * 7919) % tasks.size());
            Task changed = model.store().find(task.id()).orElse(task);
            long t0 = System.nanoTime();
            model.store().apply(TaskChanges.saved(List.of(changed.withTitle(changed.title() + " x", edited))));
            layout(root);
            if (round >= 40) { // the first forty warm the JIT up
                changes.add(ms(System.nanoTime() - t0));
            }
        }
        stage.close();

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "TaskDesk filter-latency benchmark: %,d tasks (seeded), JavaFX %s headless (%s), "
                + "Java %s, %d cores%n", tasks.size(), System.getProperty("javafx.runtime.version"),
                System.getProperty("prism.order"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "load into view model (sort + counts + first filter): %.1f ms%n", loadMs));
        out.append(line("baseline: plain loop over the records", baseline, baselineMedian(baseline)));
        out.append(line("keystroke -> filtered list laid out (" + keystrokes.size() + " keystrokes, "
                + Collections.min(sizes) + ".." + Collections.max(sizes) + " rows)", keystrokes, baselineMedian(baseline)));
        out.append(line("  keystrokes that narrow the previous result (plain words, " + narrowing.size() + ")",
                narrowing, baselineMedian(baseline)));
        out.append(line("  keystrokes that need a full pass (filter language, " + fullPass.size() + ")", fullPass,
                baselineMedian(baseline)));
        out.append(line("  of which the view-model filter pass alone (list view detached)", modelOnly,
                baselineMedian(baseline)));
        out.append(line("scroll one page with layout (" + pageCount + " pages, reached row " + firstShown + ")",
                pages, baselineMedian(baseline)));
        out.append(line("one task changed, 3 saved searches of words + a search (" + changes.size() + " changes)",
                changes, baselineMedian(baseline)));
        out.append(String.format(Locale.ROOT, "list cells made: %d for the first layout, %d more during %d keystrokes "
                + "(incl. clearing the box)%n", cellsBeforeTyping, cellsMadeWhileTyping, typed));
        out.append(String.format(Locale.ROOT, "(sink %d)%n", sink % 10));
        return out.toString();
    }

    private static final class Collections {
        static int min(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).min().orElse(0);
        }

        static int max(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    private static double baselineMedian(List<Double> baseline) {
        return percentile(baseline, 50);
    }

    private static String line(String what, List<Double> samples, double baseline) {
        double median = percentile(samples, 50);
        double p95 = percentile(samples, 95);
        return String.format(Locale.ROOT, "%-72s median %7.2f ms  p95 %7.2f ms  = %5.2f / %5.2f frames of 16 ms"
                + "  = %6.1fx baseline median%n", what, median, p95, median / FRAME_MS, p95 / FRAME_MS, median / baseline);
    }

    private static double percentile(List<Double> samples, int percent) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void layout(StackPane root) {
        root.applyCss();
        root.layout();
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static List<Task> generate(int count, Clock clock, Random random) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Priority[] priorities = Priority.values();
        List<Task> tasks = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String title = capital(WORDS[random.nextInt(WORDS.length)]) + " " + OBJECTS[random.nextInt(OBJECTS.length)]
                    + " " + (i % 97);
            Tags tags = switch (random.nextInt(4)) {
                case 0 -> Tags.EMPTY;
                case 1 -> Tags.of(TAGS[random.nextInt(TAGS.length)]);
                default -> Tags.of(TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)]);
            };
            Due due = random.nextInt(5) == 0 ? null : random.nextBoolean()
                    ? Due.on(today.plusDays(random.nextInt(120) - 40))
                    : Due.at(today.plusDays(random.nextInt(120) - 40), LocalTime.of(7 + random.nextInt(12), 0));
            RecurrenceRule rule = due != null && random.nextInt(10) == 0 ? RecurrenceRule.daily(1 + random.nextInt(7))
                    : null;
            boolean done = random.nextInt(3) == 0;
            Instant created = now.minusSeconds(random.nextInt(90 * 86_400));
            tasks.add(new Task(i, title, random.nextInt(4) == 0 ? "Notes for " + title : "", done,
                    priorities[random.nextInt(priorities.length)], tags, due, rule, created, created,
                    done ? created : null));
        }
        return tasks;
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }
}
