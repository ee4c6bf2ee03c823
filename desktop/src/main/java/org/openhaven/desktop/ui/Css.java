package org.openhaven.desktop.ui;

import java.util.List;

/** Style classes and stylesheets, as constants so views never spell a class name twice or set colours. */
public final class Css {

    public static final List<String> STYLESHEETS = List.of(
            "/org/openhaven/desktop/styles/layout/layout.css",
            "/org/openhaven/desktop/styles/pages/pages.css",
            "/org/openhaven/desktop/styles/widgets/widgets.css");

    public static final String ROOT = "oh-root";
    public static final String SIDEBAR = "oh-sidebar";
    public static final String SIDEBAR_BRAND = "oh-brand";
    public static final String STEP_ITEM = "oh-step";
    public static final String BUTTON_BAR = "oh-button-bar";
    public static final String PAGE = "oh-page";
    public static final String PAGE_TITLE = "oh-page-title";
    public static final String PAGE_SUBTITLE = "oh-page-subtitle";
    public static final String SECTION_TITLE = "oh-section-title";
    public static final String MUTED = "oh-muted";
    public static final String CARD = "oh-card";
    public static final String CARD_TITLE = "oh-card-title";
    public static final String CARD_GRID = "oh-card-grid";
    public static final String CHOICE_CARD = "oh-choice-card";
    public static final String FORM = "oh-form";
    public static final String FIELD_ERROR = "oh-field-error";
    public static final String STATUS_OK = "oh-status-ok";
    public static final String STATUS_ERROR = "oh-status-error";
    public static final String STATUS_WARN = "oh-status-warn";
    public static final String CALLOUT_ERROR = "oh-callout-error";
    public static final String CALLOUT_INFO = "oh-callout-info";
    public static final String CALLOUT_WARNING = "oh-callout-warning";
    public static final String WARNING_CARD = "oh-warning-card";
    public static final String DEPLOY_ROW = "oh-deploy-row";
    public static final String STATE_ICON = "oh-state-icon";
    public static final String LOG = "oh-log";
    public static final String MONO = "oh-mono";
    public static final String PLAN_GROUP = "oh-plan-group";
    public static final String BIG_NUMBER = "oh-big-number";
    public static final String QR_CARD = "oh-qr-card";
    public static final String MEMORY_BAR = "oh-memory-bar";
    public static final String TAG = "oh-tag";
    public static final String DASHBOARD = "oh-dashboard";

    /** Pseudo-classes for step items and state icons. */
    public static final String PSEUDO_CURRENT = "current";
    public static final String PSEUDO_DONE = "done";

    private Css() {
    }
}
