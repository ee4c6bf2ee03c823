package org.openhaven.desktop.wizard;

/** The wizard's pages, in order; navigation is derived from this order and nothing else. */
public enum WizardStep {
    WELCOME, SERVER, DOMAIN, SERVICES, BACKUPS, REVIEW, DEPLOY, DONE;

    public boolean isFirst() {
        return ordinal() == 0;
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }

    public WizardStep next() {
        return isLast() ? this : values()[ordinal() + 1];
    }

    public WizardStep previous() {
        return isFirst() ? this : values()[ordinal() - 1];
    }

    /** Once deploying has begun, going back would edit a spec that is being applied. */
    public boolean allowsBack() {
        return !isFirst() && this != DEPLOY && this != DONE;
    }

    /** The resource-bundle key prefix of this page: {@code wizard.server}. */
    public String key() {
        return "wizard." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
