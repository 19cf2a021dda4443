#!/usr/bin/python3
# test-a11y-pages.py — every page as a screen reader sees it
#
#   test-a11y-pages.py PATHWAYS [DATABASE]
#
# Run under a display and a session bus with accessibility on (GTK_A11Y
# unset, no NO_AT_BRIDGE), as meson does (meson test a11y-pages).  Starts
# the real application PATHWAYS on the demo authority (DATABASE, made if
# missing), walks over AT-SPI, as Orca would, everything a user can
# reach — a young person's page, its Earlier Dates expander opened, and
# its dialogs (Schedule Move, Referrals and Offers, Make a Referral, I
# statements, Record Contact, OC3, Placement Income, Close Case), the
# notification shown on start-up, the caseload with the Add Young Person
# form, the column chooser (a right click on a column header) and a
# filter's drop-down list, stock, the timeline, sufficiency, commissioning
# with a budget row's expander opened, the team, the plan, my day (with
# its agenda, Coming Up), the main menu, the SSDA903 import and export
# dialogs, the stock import's preview (a file given to GTK's file
# chooser, which is not walked), the shortcuts window, the preferences,
# the About window and, started again in a window at its narrowest, a
# unit's page, Stock and the Caseload folded to lists — and
# fails on any control or row shown whose name says nothing:
#
# - no name, or a class name ("GtkListItemWidget", "GtkToggleButton",
#   "GtkFlowBoxChild", "GtkColumnViewCell", "GtkListBox");
# - a name said twice, as when a label is read with its control
#   ("Years Years", "Team: All Teams Team");
# - a mnemonic underscore ("_Years").
#
# Only what is shown is walked: visible nodes of some size (GTK 4.8 sets
# "showing" on windows only; the application marks the stack pages not
# shown hidden).  A button's content is read as the button; inside a
# drop-down or combo row only its button, the Tab stop, is checked.
# Every offender is printed with its path from the window, so that it
# can be found.  Pages, dialogs and popovers are opened by activating
# what a user would, whichever window has the keyboard (Xvfb has no
# window manager to give it back): the tabs and buttons by their AT-SPI
# actions, the window's and a page's actions ("win.import-903",
# "person.show-offers") by the AT-SPI actions GTK lists for them, the
# application's (preferences, about) over its D-Bus interface
# org.gtk.Actions.  A11Y_PAGES=Stock,Plan visits only the pages (and
# dialogs) whose names contain one of those; A11Y_SHARED=1 also fails on
# controls of one container, or rows of one list, that share a name
# (build-aux/a11y-audit).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import tempfile
import time

from a11y_util import (App, act, audit, check, fault, find_in, page_shown, press, pyatspi, role, showing,
                       summary, survey, visible, walk)


# The window's pages in the order of their tabs (Alt+1 … Alt+8)
PAGES = [
    ("Caseload", "Caseload", "PathwaysCaseloadView"),
    ("Stock", "Stock", "PathwaysStockView"),
    ("Timeline", "Timeline", "PathwaysTimelineView"),
    ("Sufficiency", "Sufficiency", "PathwaysSufficiencyView"),
    ("Commissioning", "Commissioning", "PathwaysCommissionView"),
    ("Team", "Team", "PathwaysTeamView"),
    ("Plan", "Plan", "PathwaysPlanView"),
    ("My Day", "My Day (with its agenda, Coming Up)", "PathwaysMyDayView"),
]


# The narrowest window (the main window's width-request: the pages'
# own least widths keep it wider), and the width below which the tables
# fold to lists (pathways-fold.c)
NARROW = 360
FOLDS = 640

# Any window of the application but the main one
OTHER = r"^(?!Pathways$)"

# The young person's page's dialogs, by the page's actions
PERSON_DIALOGS = [
    ("person.schedule-move", "the Schedule Move dialog"),
    ("person.show-offers", "the Referrals and Offers dialog"),
    ("person.make-referral", "the Make a Referral dialog"),
    ("person.i-statements", "the I statements dialog"),
    ("person.record-contact", "the Record Contact dialog"),
    ("person.record-oc3", "the OC3 dialog"),
    ("person.placement-income", "the Placement Income dialog"),
    ("person.close-case", "the Close Case dialog"),
]


def dialog(app, opener, action, what, title=OTHER):
    """Opens a window (titled TITLE) with ACTION — an AT-SPI action of the
    widget OPENER, or when OPENER is None the application's own action
    over D-Bus — audits it, closes it with its window.close and waits
    until it is gone"""
    opened = app.action(action, 0) if opener is None else act(opener, action, 0)
    shown = app.window(title, 20) if opened else None
    if not check(shown is not None, "%s opens %s" % (action, what)):
        print("   windows: " + ", ".join("%s “%s”%s" % (w.getRoleName(), w.name, "" if showing(w) else " (hidden)")
                                       for w in app.app if w is not None))
    else:
        audit(shown, what, 0.3)
        act(shown, "window.close", 0)
        gone(app, title)
    return shown


def gone(app, title, timeout=10):
    end = time.time() + timeout
    while time.time() < end and app.window(title, 0.1) is not None:
        time.sleep(0.2)


def popover_of(app, window, button_pred, what, settle=0.5):
    """Clicks the button for which BUTTON_PRED holds (over AT-SPI), audits
    the popover it shows and clicks the button again to close it.  GTK
    4.8 puts the popover beside the button, in the menu button or
    drop-down that holds both"""
    button = find_in(window, button_pred, 10)
    if not check(button is not None, "the button of %s is found" % what):
        return None
    act(button, "click", settle)
    popover = None
    end = time.time() + 10
    while popover is None and time.time() < end:
        for child in button.parent:
            if child is not None and child != button and visible(child):
                popover = child
        if popover is None:
            time.sleep(0.2)
    if check(popover is not None, "%s is shown" % what):
        audit(popover, what, 0)
        act(button, "click", settle)
    return popover


def stock_import(app, window):
    """Import Stock… from the main menu's action: GTK's file chooser (in a
    desktop session the portal's, not the application's, so not walked)
    is given the sample stock file by its location, typed as a user
    would, and the preview of the import it opens is walked"""
    sample = os.path.join(os.environ.get("PATHWAYS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..")),
                          "data", "stock-sample.csv")
    act(window, "win.import-stock", 0.5)
    chooser = app.window("Import Stock", 20)
    if not check(chooser is not None, "win.import-stock opens a file chooser"):
        return
    # Keys go to the window under the pointer (Xvfb has no window manager)
    e = chooser.queryComponent().getExtents(pyatspi.WINDOW_COORDS)   # at the origin, without one
    pyatspi.Registry.generateMouseEvent(e.x + e.width // 2, e.y + e.height // 2, "abs")
    press("ctrl+l", 0.5)
    pyatspi.Registry.generateKeyboardEvent(0, os.path.abspath(sample), pyatspi.KEY_STRING)
    time.sleep(0.5)
    press("Return", 1)
    preview = None
    end = time.time() + 20
    while preview is None and time.time() < end:
        preview = next((w for w in app.app if w is not None and w.name == "Import Stock" and
                        role(w) == pyatspi.ROLE_FRAME and visible(w)), None)
        time.sleep(0.3)
    if check(preview is not None, "the file chosen, the stock import's preview is shown"):
        audit(preview, "the stock import's preview", stable=5)
        act(preview, "window.close", 0.3)
        gone(app, "Import Stock")


def expander(window, what):
    """Opens the first expander row with a click on its title, scrolled
    into view with the mouse wheel (GTK 4.8 gives these rows no AT-SPI
    action), and audits what it shows.  An expander row is a list item
    whose first row, its title, is a list item named as it is or with
    what it begins with"""
    height = window.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height   # the window is at the origin

    def header_of(n):
        if role(n) != pyatspi.ROLE_LIST_ITEM or not n.name:
            return None
        for m, _, _ in walk(n, [n]):
            if m is not n and role(m) == pyatspi.ROLE_LIST_ITEM:
                return m if m.name and n.name.startswith(m.name) else None
        return None

    row = find_in(window, header_of, 10)
    if not check(row is not None, "%s is found" % what):
        return
    header = header_of(row)
    centre = (lambda: (lambda e: (e.x + e.width // 2, e.y + e.height // 2))(
        header.queryComponent().getExtents(pyatspi.WINDOW_COORDS)))
    x, y = centre()
    pyatspi.Registry.generateMouseEvent(x, height // 2, "abs")
    for _ in range(100):
        if y < height - 60:
            break
        pyatspi.Registry.generateMouseEvent(x, height // 2, "b5c")   # the wheel, down
        time.sleep(0.05)
        x, y = centre()
    before = len(survey(row))
    pyatspi.Registry.generateMouseEvent(x, y, "abs")
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")
    time.sleep(1)
    check(len(survey(row)) > before, "a click opens %s (“%s”)" % (what, row.name[:40]))
    audit(row, what + ", open", 0)


def column_chooser(window, what):
    """Right-clicks the first column header of the table shown (GTK 4.8
    gives it no AT-SPI action) and audits the menu of columns it opens"""
    headers = find_in(window, lambda n: n.name == "Column headers" and role(n) != pyatspi.ROLE_PANEL, 10)
    first = next((c for c in headers if c is not None and visible(c)), None) if headers is not None else None
    if not check(first is not None, "a table's column headers are found"):
        return
    e = first.queryComponent().getExtents(pyatspi.WINDOW_COORDS)   # the window is at the origin
    pyatspi.Registry.generateMouseEvent(e.x + e.width // 2, e.y + e.height // 2, "abs")
    pyatspi.Registry.generateMouseEvent(e.x + e.width // 2, e.y + e.height // 2, "b3c")
    menu = find_in(first, lambda n: role(n) in (pyatspi.ROLE_MENU, pyatspi.ROLE_POPUP_MENU), 5)
    if check(menu is not None, "a right click on a column header shows %s" % what):
        audit(menu, what, 0)
        press("Escape", 0.5)


def toast_named(window):
    """The notification shown once the demo authority is made (until
    dismissed, with PATHWAYS_KEEP_START_TOAST, rather than for ten
    seconds) is read with a close button named for what it does; the
    close button then dismisses it, so that it covers no row of the walk"""
    toast = None
    end = time.time() + 30
    while toast is None and time.time() < end:
        # beside the pages, not in them: a walk of the page outlasts the toast
        level = [window]
        for depth in range(6):
            level = [c for n in level for c in n if c is not None and c.name != "GtkStackPage"]
            toast = next((n for n in level if n.name == "AdwToastWidget" and visible(n)), None)
            if toast is not None:
                break
    if not check(toast is not None, "a notification is shown"):
        return
    buttons = [c for c in toast if c is not None and role(c) == pyatspi.ROLE_PUSH_BUTTON and visible(c)]
    names = [c.name for c in buttons]
    check(buttons and all(fault(n) is None for n in names),
          "the notification's buttons are named (%s)" % ", ".join("“%s”" % n for n in names))
    if buttons:
        act(buttons[-1], "click", 1)
        check(not visible(toast) or not any(visible(c) for c in toast if c is not None),
              "the notification's close button dismisses it")


def page_menu_to(window, tab):
    """A narrow window has no tabs: the pages are a menu under a button
    named after the page shown.  Opens it, audits it, and picks TAB"""
    button = find_in(window, lambda n: n.description == "Go to another page" and n.queryAction().nActions > 0, 10)
    if not check(button is not None, "a narrow window's page menu is found"):
        return
    act(button, "click", 0.5)
    item = find_in(button.parent, lambda n: role(n) == pyatspi.ROLE_MENU_ITEM and n.name == tab and visible(n), 10)
    if check(item is not None, "the page menu lists %s" % tab):
        audit(item.parent, "the page menu", 0)
        act(item, "click", 0.5)


def main():
    binary = sys.argv[1]
    workdir = tempfile.mkdtemp(prefix="pathways-a11y-")
    database = sys.argv[2] if len(sys.argv) > 2 else os.path.join(workdir, "demo.db")
    only = os.environ.get("A11Y_PAGES")   # a developer's shortcut: "Stock,Plan"
    wanted = (lambda page: only is None or any(w.strip() in page for w in only.split(",")))
    started = time.time()

    # A young person's page first (the first young person) with its
    # dialogs, then back to the caseload and on through the tabs, the
    # menus and dialogs of the window, the preferences, the shortcuts
    # window and the About window: one application for the whole walk
    app = App(binary, database, {"PATHWAYS_OPEN_PERSON": "1", "PATHWAYS_KEEP_START_TOAST": "1"})
    try:
        if not check(app.app is not None, "the application is on the accessibility bus"):
            return
        window = app.window("Pathways", 120)
        if not check(window is not None, "the main window is shown"):
            return
        if wanted("Young person"):
            if check(page_shown(app, "PathwaysPersonPage", 120), "a young person's page is shown"):
                toast_named(window)
                audit(window, "Young person's page")
                if wanted("an expander row of the page"):
                    expander(window, "an expander row of the page")
                person = find_in(window, lambda n: n.name == "PathwaysPersonPage", 10)
                for action, what in PERSON_DIALOGS:
                    if wanted(what):
                        dialog(app, person, action, what)
        act(window, "win.back", 1)

        for tab, page, root_class in PAGES:
            if not wanted(page):
                continue
            button = find_in(window, lambda n: role(n) == pyatspi.ROLE_PAGE_TAB and n.name == tab, 10)
            if button is not None:
                act(button, "click", 0)
            if check(page_shown(app, root_class, 90), "%s is shown (its tab)" % page):
                audit(window, page)
                if root_class == "PathwaysCommissionView" and wanted("an expander row"):
                    expander(window, "an expander row")
                if root_class == "PathwaysCaseloadView":
                    if wanted("the New Young Person form"):
                        dialog(app, window, "win.add-person", "the New Young Person form")
                    if wanted("the column chooser"):
                        column_chooser(window, "the column chooser")
                    if wanted("a filter's drop-down"):
                        popover_of(app, window, lambda n: role(n) in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                                   and role(n.parent) == pyatspi.ROLE_COMBO_BOX, "a filter's drop-down")

        if wanted("the main menu"):
            popover_of(app, window, lambda n: n.name == "Main menu" and n.queryAction().nActions > 0,
                       "the main menu")
        for action, what in (("win.import-903", "the SSDA903 import dialog"),
                             ("win.export-903", "the SSDA903 return's export dialog"),
                             ("win.show-help-overlay", "the shortcuts window")):
            if wanted(what):
                dialog(app, window, action, what)
        if wanted("the stock import"):
            stock_import(app, window)
        for action, what in (("preferences", "the preferences"), ("about", "the About window")):
            if wanted(what):
                dialog(app, None, action, what)
    finally:
        app.stop()

    # A narrow window (360 px, the narrowest): a unit's page, opened on
    # Stock, then Stock and the Caseload folded to lists, chosen from the
    # page menu that takes the tabs' place.  The window's size is the one
    # saved in the settings, here a key file of the walk's own
    if wanted("Unit") or wanted("narrow"):
        config = os.path.join(workdir, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write("[io/github/carepathways/Pathways]\nwindow-width=%d\nwindow-height=720\n" % NARROW)
        app = App(binary, database, {"PATHWAYS_START_PAGE": "stock", "PATHWAYS_OPEN_UNIT": "1",
                                     "GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config})
        try:
            if not check(app.app is not None, "the application is on the accessibility bus again"):
                return
            window = app.window("Pathways", 120)
            if check(window is not None and page_shown(app, "PathwaysUnitPage", 120), "a unit's page is shown"):
                width = window.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width
                check(width < FOLDS, "the window is as narrow as it goes, folded (%d px)" % width)
                audit(window, "Unit's page, narrow")
                unit = find_in(window, lambda n: n.name == "PathwaysUnitPage", 10)
                if unit is not None:
                    act(unit, "unit.back", 0.5)
            for tab, page, root_class in PAGES[1::-1]:
                page_menu_to(window, tab)
                if check(page_shown(app, root_class, 30), "%s is shown, narrow (from the page menu)" % page):
                    audit(window, page + ", narrow")
        finally:
            app.stop()
    print("the walk took %.0f s" % (time.time() - started))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: test-a11y-pages.py PATHWAYS [DATABASE]")
        sys.exit(2)
    try:
        main()
    except Exception as e:
        import traceback
        traceback.print_exc()
        check(False, "the test ran to its end (%r)" % e)
    sys.exit(summary())
