package org.openhaven.engine.haven;

import java.util.Set;
import org.openhaven.engine.plan.Step;

/** Id, title and dependencies of one of the haven's steps. */
abstract class HavenStep implements Step {

    private final String id;
    private final String title;
    private final Set<String> dependsOn;
    protected final FlowContext flow;

    HavenStep(FlowContext flow, String id, String title, String... dependsOn) {
        this.flow = flow;
        this.id = id;
        this.title = title;
        this.dependsOn = Set.of(dependsOn);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }
}
