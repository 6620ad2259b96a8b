package org.taskdesk.ui;

/**
 * Start-up milestones, for the start-up benchmark (bench/startup): the first frame on screen, and the task list
 * shown. The app's own probe is silent unless the benchmark asks for it.
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
}
