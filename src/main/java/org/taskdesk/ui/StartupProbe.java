package org.taskdesk.ui;

/**
 * Start-up milestones: the first frame on screen and the task list shown, for the start-up benchmark (bench/startup),
 * and the stages on the way there ("database opened", "main window built"), for the log's start-up timeline.
 */
public interface StartupProbe {
    StartupProbe NONE = new StartupProbe() {
        @Override
        public void firstFrame() {
        }

        @Override
        public void taskListShown(int tasks) {
        }
    };

    void firstFrame();

    void taskListShown(int tasks);

    /** A stage of the start on the way to the task list, reached now, on whichever thread reached it. */
    default void reached(String stage) {
    }
}
