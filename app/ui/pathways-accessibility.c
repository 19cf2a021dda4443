/* pathways-accessibility.c — what GTK 4.8 tells a screen reader, mended
 *
 * GTK 4.8 leaves a few of its own widgets without a name, or says more
 * than is on the screen, whatever an application sets on its widgets:
 *
 * - the pages of a GtkStack or AdwViewStack that are not shown stay in
 *   the accessible tree as "visible", so a screen reader walking the
 *   window reads every page ever shown at once;
 * - a GtkDropDown's button, the Tab stop, is a "GtkToggleButton";
 * - the boxed list inside an AdwPreferencesGroup is a "GtkListBox";
 * - a GtkScrolledWindow, a Tab stop of its own, has no name;
 * - the lists inside an AdwExpanderRow are "GtkListBox" too, and a
 *   GtkColumnView's list of rows is a "GtkColumnListView" and its row
 *   of column titles a "GtkListItemWidget";
 * - a button with a mnemonic ("_Save") is read with its underscore and
 *   then again ("_Save Save"): its label is set as the button's name and
 *   the label widget, whose mnemonic it is, labels it as well;
 * - the shortcuts window's page buttons are "_1" and "_2", and its
 *   search button is a "GtkImage";
 * - a toast's close button is a "GtkImage" too;
 * - a menu's scrolled window (a column header's menu's is a
 *   "GtkColumnViewTitle") and the About window's have no name, the
 *   About window's version button is a "GtkButton" and its lists
 *   "GtkListBox"; so is the list of a preferences group without a title;
 * - a drop-down's list of choices is a "GtkListView" of unnamed rows.
 *
 * pathways_accessibility_init() mends each as the widget is mapped
 * (one emission hook on GtkWidget::map, for widgets made by templates,
 * factories and code alike; a drop-down whose button the application
 * names itself sets "pathways-accessible-named" on it): stack pages not shown are marked hidden,
 * the drop-down's button is labelled by the drop-down, the lists of a
 * group or an expander row take its title, a column view's header row is
 * "Column headers", a mnemonic button is named by
 * its label widget alone, a toast's close button is "Close
 * notification", and a scrolled window is labelled by what it
 * scrolls.  Widgets named by the application are left as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-accessibility"

#include "config.h"

#include "pathways-accessibility.h"
#include "pathways-row-name.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define MENDED "pathways-accessibility-mended"

/* Only the stack's visible child is there for a screen reader */
static void
stack_pages_hidden (GtkWidget *stack)
{
  GtkWidget *shown = NULL;

  g_object_get (stack, "visible-child", &shown, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (stack); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;   /* GTK says so itself */
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != shown, -1);
    }
  g_clear_object (&shown);
}

static void
visible_child_cb (GtkWidget  *stack,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  stack_pages_hidden (stack);
}

static void
mend_stack (GtkWidget *stack)
{
  if (g_object_get_data (G_OBJECT (stack), MENDED) == NULL)
    {
      g_object_set_data (G_OBJECT (stack), MENDED, GINT_TO_POINTER (1));
      g_signal_connect (stack, "notify::visible-child", G_CALLBACK (visible_child_cb), NULL);
    }
  stack_pages_hidden (stack);
}

/* The drop-down's own button says what the drop-down is */
static void
mend_drop_down (GtkWidget *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) && g_object_get_data (G_OBJECT (child), "pathways-accessible-named") == NULL)
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      drop_down, NULL, -1);
}

/* The rows of a preferences group or an expander row are a list named
 * by its title */
static void
mend_list_box (GtkWidget *list_box)
{
  const char *title = NULL;
  GtkWidget *w = gtk_widget_get_parent (list_box);

  /* A group's list (its own, or one the application put in it) and an
   * expander row's header list and list of rows (inside a revealer) are
   * a few levels down */
  for (int up = 0; w != NULL && up < 4; up++, w = gtk_widget_get_parent (w))
    {
      if (ADW_IS_PREFERENCES_GROUP (w))
        {
          GtkRoot *root = gtk_widget_get_root (w);

          title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w));
          /* A dialog's form, in a group without a title: the dialog's */
          if ((title == NULL || *title == '\0') && GTK_IS_WINDOW (root))
            title = gtk_window_get_title (GTK_WINDOW (root));
          break;
        }
      if (ADW_IS_EXPANDER_ROW (w))
        {
          title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));
          break;
        }
      if (GTK_IS_LIST_BOX_ROW (w) || GTK_IS_LIST_BOX (w))
        break;   /* the application's own list, in a row: it names it */
    }
  /* The About window's lists (details, links, legal): their first row's */
  if (title == NULL && gtk_widget_get_ancestor (list_box, ADW_TYPE_ABOUT_WINDOW) != NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0);

      if (first != NULL && ADW_IS_PREFERENCES_ROW (first))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first));
    }
  if (title != NULL && *title != '\0')
    {
      /* Once: libadwaita 1.2 labels a group's own list by its title too */
      gtk_accessible_update_property (GTK_ACCESSIBLE (list_box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (list_box), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

/* A mnemonic button is named by its label widget, without the underscore */
static void
button_label_cb (GtkWidget  *button,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  if (gtk_button_get_use_underline (GTK_BUTTON (button)) && gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The shortcuts window's own buttons */
static void
mend_shortcuts_button (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *parent = gtk_widget_get_parent (button);

  if (parent != NULL && GTK_IS_STACK_SWITCHER (parent) && child != NULL && GTK_IS_LABEL (child))
    {
      /* Translators: a page of the keyboard shortcuts window, for screen readers: "Page 2" */
      g_autofree char *name = g_strdup_printf (_("Page %s"), gtk_label_get_text (GTK_LABEL (child)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else if (child != NULL && GTK_IS_IMAGE (child)
           && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "edit-find-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search Shortcuts"), -1);
}

/* A toast's close button, an icon of libadwaita 1.2's without a name */
static void
mend_toast_button (GtkWidget *button)
{
  GtkWidget *parent = gtk_widget_get_parent (button);

  if (parent != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (parent), "AdwToastWidget") == 0
      && gtk_button_get_icon_name (GTK_BUTTON (button)) != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Close notification"), -1);
      gtk_widget_set_tooltip_text (button, _("Close notification"));
    }
}

/* The About window's version button, a label in a button that GTK 4.8
 * reads as "GtkButton" */
static void
mend_about_button (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (child != NULL && GTK_IS_LABEL (child) && gtk_button_get_label (GTK_BUTTON (button)) == NULL
      && gtk_widget_get_ancestor (button, ADW_TYPE_ABOUT_WINDOW) != NULL)
    {
      /* Translators: the About window's version button, for screen readers: "Version 0.1.0" */
      g_autofree char *name = g_strdup_printf (_("Version %s"), gtk_label_get_text (GTK_LABEL (child)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
mend_button (GtkWidget *button)
{
  mend_about_button (button);
  if (gtk_widget_get_ancestor (button, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
    mend_shortcuts_button (button);
  mend_toast_button (button);
  if (g_object_get_data (G_OBJECT (button), MENDED) == NULL)
    {
      g_object_set_data (G_OBJECT (button), MENDED, GINT_TO_POINTER (1));
      g_signal_connect_after (button, "notify::label", G_CALLBACK (button_label_cb), NULL);
    }
  button_label_cb (button, NULL, NULL);
}

/* A scrolled window is called what it scrolls (a preferences page's or
 * a status page's, the page) */
static void
mend_scrolled_window (GtkWidget *scrolled)
{
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *page = gtk_widget_get_ancestor (scrolled, ADW_TYPE_PREFERENCES_PAGE);
  GtkWidget *status = gtk_widget_get_parent (scrolled);
  GtkWidget *menu = gtk_widget_get_ancestor (scrolled, GTK_TYPE_POPOVER_MENU);
  GtkWidget *from = menu != NULL ? gtk_widget_get_parent (menu) : gtk_widget_get_ancestor (scrolled, GTK_TYPE_DROP_DOWN);
  GtkRoot *root = gtk_widget_get_root (scrolled);

  /* A column header's menu, the columns to show (its title names none) */
  if (from != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (from), "GtkColumnViewTitle") == 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Columns"), -1);
      return;
    }
  /* A menu's or a drop-down's list: the menu button's (or entry's) or
   * drop-down's it pops up from */
  if (from != NULL)
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      from, NULL, -1);
      return;
    }
  /* The About window's page: the window's */
  if (ADW_IS_ABOUT_WINDOW (root) && gtk_window_get_title (GTK_WINDOW (root)) != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_window_get_title (GTK_WINDOW (root)), -1);
      return;
    }
  if (status != NULL && ADW_IS_STATUS_PAGE (status))
    {
      const char *title = adw_status_page_get_title (ADW_STATUS_PAGE (status));

      if (title != NULL && *title != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      return;
    }
  if (page != NULL)
    {
      const char *title = adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page));

      if ((title == NULL || *title == '\0') && GTK_IS_WINDOW (root))
        title = gtk_window_get_title (GTK_WINDOW (root));
      if (title != NULL && *title != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      return;
    }

  if (child != NULL && GTK_IS_VIEWPORT (child) && gtk_viewport_get_child (GTK_VIEWPORT (child)) != NULL)
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  if (child != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    child, NULL, -1);
}

/* A column view's list of rows is named by the column view, a
 * drop-down's list of choices by the drop-down */
static void
mend_list_view (GtkWidget *list_view)
{
  GtkWidget *parent = gtk_widget_get_parent (list_view);
  GtkWidget *drop_down = gtk_widget_get_ancestor (list_view, GTK_TYPE_DROP_DOWN);

  if (parent != NULL && GTK_IS_COLUMN_VIEW (parent))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    parent, NULL, -1);
  else if (drop_down != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    drop_down, NULL, -1);
}

/* A choice in a drop-down's list (GTK's own factory) is what its label
 * says, whichever item the row shows now */
static void
mend_drop_down_row (GtkWidget *row)
{
  GtkWidget *label = row;

  if (gtk_widget_get_ancestor (row, GTK_TYPE_DROP_DOWN) == NULL)
    return;
  while (label != NULL && !GTK_IS_LABEL (label))
    label = gtk_widget_get_first_child (label);
  if (label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}

static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_STACK (object) || ADW_IS_VIEW_STACK (object))
    mend_stack (GTK_WIDGET (object));
  else if (GTK_IS_DROP_DOWN (object))
    mend_drop_down (GTK_WIDGET (object));
  else if (GTK_IS_COLUMN_VIEW (object))
    pathways_column_view_name_header (GTK_COLUMN_VIEW (object));
  else if (GTK_IS_LIST_VIEW (object))
    mend_list_view (GTK_WIDGET (object));
  else if (GTK_IS_LIST_BOX (object))
    mend_list_box (GTK_WIDGET (object));
  else if (GTK_IS_SCROLLED_WINDOW (object))
    mend_scrolled_window (GTK_WIDGET (object));
  else if (GTK_IS_BUTTON (object))
    mend_button (GTK_WIDGET (object));
  else if (g_strcmp0 (G_OBJECT_TYPE_NAME (object), "GtkListItemWidget") == 0)
    mend_drop_down_row (GTK_WIDGET (object));
  return TRUE;   /* stay installed */
}

/**
 * pathways_accessibility_init:
 *
 * Mends, from now on, each widget GTK 4.8 leaves unnamed or misleading
 * as it is mapped.  Safe to call more than once.
 */
void
pathways_accessibility_init (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint map = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map, 0, widget_mapped_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
