package org.taskdesk.ui.tasks.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskFilter;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowModels;
import org.taskdesk.ui.tasks.sidebar.SmartList;
import org.taskdesk.ui.tasks.undo.TaskChanges;

/**
 * Whatever shortcut the list takes while someone types (filtering the previous result when the search only grows,
 * keeping the list when nothing changed), it shows exactly the rows a fresh pass over every task gives: random
 * stores, random typing and deleting of words and filters, tasks changed in between, other lists chosen.
 */
class FilterAsYouTypeTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZONE);
    private static final String[] WORDS = {"report", "Réport", "rep", "café", "cafe", "CAFÉ", "call", "budget", "Bud",
        "ο δρόμος", "straße", "e\u0301t\u00e9", "a1", "x"};
    private static final String[] TAGS = {"work", "work/reports", "home", "café"};
    private static final String[] QUERIES = {"rep", "report budget", "caf", "café call", "cafe", "re po", "bud rep",
        "#work", "rep | call", "!is:done rep", "\"rep\"", "due:today", "a1 x", "e\u0301", "ét", "strasse", "δρο",
        "report -budget", "rep & x"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void showsWhatAFreshPassShowsAfterEveryKeystroke(long seed) {
        Random random = new Random(seed);
        MainWindowModels models = new MainWindowModels(null, null, null, new DirectBackgroundTasks(), null, CLOCK);
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 60 + random.nextInt(200); i++) {
            tasks.add(task(i, random));
        }
        models.store().showTasks(tasks);
        models.sidebar().selectedListProperty().set(null);

        String typed = "";
        for (int step = 0; step < 300; step++) {
            int action = random.nextInt(20);
            if (action < 12) { // type the next character of some query, or start one
                String query = QUERIES[random.nextInt(QUERIES.length)];
                typed = query.startsWith(typed) && typed.length() < query.length()
                        ? query.substring(0, typed.length() + 1) : typed + query.charAt(random.nextInt(query.length()));
            } else if (action < 16) { // delete one character or everything
                typed = typed.isEmpty() || random.nextBoolean() ? "" : typed.substring(0, typed.length() - 1);
            } else if (action < 18) { // a task changed meanwhile (another device, the detail pane)
                Task old = models.store().tasks().get(random.nextInt(models.store().tasks().size()));
                Task changed = task(old.id(), random);
                models.store().apply(TaskChanges.saved(List.of(changed)));
            } else if (action < 19) {
                SmartList[] lists = SmartList.values();
                models.sidebar().select(lists[random.nextInt(lists.length)]);
            } else {
                models.sidebar().selectedListProperty().set(null);
            }
            models.search().textProperty().set(typed);

            assertThat(ids(models.list().visibleTasks())).as("seed %d, step %d, search '%s'", seed, step, typed)
                    .isEqualTo(ids(freshPass(models)));
        }
    }

    private static List<Task> freshPass(MainWindowModels models) {
        ZonedDateTime now = ZonedDateTime.now(CLOCK);
        TaskFilter list = models.sidebar().filter();
        TaskFilter search = models.search().filterProperty().get();
        List<Task> shown = new ArrayList<>();
        for (Task task : models.store().tasks()) {
            if (list.matches(task, now) && search.matches(task, now)) {
                shown.add(task);
            }
        }
        return shown;
    }

    private static List<Long> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    private static Task task(long id, Random random) {
        String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        String notes = random.nextInt(3) == 0 ? WORDS[random.nextInt(WORDS.length)] : "";
        Tags tags = random.nextBoolean() ? Tags.EMPTY : Tags.of(TAGS[random.nextInt(TAGS.length)]);
        LocalDate today = LocalDate.now(CLOCK);
        Due due = random.nextInt(3) == 0 ? null : random.nextBoolean() ? Due.on(today.plusDays(random.nextInt(5) - 2))
                : Due.at(today.plusDays(random.nextInt(5) - 2), LocalTime.of(8 + random.nextInt(8), 0));
        boolean done = random.nextInt(4) == 0;
        Instant created = CLOCK.instant().minusSeconds(random.nextInt(86_400));
        return new Task(id, title, notes, done, Priority.values()[random.nextInt(Priority.values().length)], tags, due,
                null, created, created, done ? created : null);
    }
}
