/* pathways-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-widgets"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pathways-core.h"
#include "pathways-widgets.h"

/**
 * pathways_date_entry_read:
 *
 * Reads the date a person typed (DD/MM/YYYY, day first).  If it is not a
 * date Pathways records the entry is marked as an error, says why (how
 * to write one, or the range of dates), and beeps; the mark goes when it
 * reads a date again.
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL
 */
char *
pathways_date_entry_read (GtkEditable *entry)
{
  g_autoptr(GError) error = NULL;
  PathwaysDay day;

  /* Not a date, or one outside 01/01/1900–31/12/9999: the tooltip says which */
  if (!pathways_day_parse_user (gtk_editable_get_text (entry), &day, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  return pathways_day_to_iso (day);
}

static gboolean
values_differ (const GValue *a,
               const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) != 0;
    case G_TYPE_INT64:
      return g_value_get_int64 (a) != g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) != !g_value_get_boolean (b);
    case G_TYPE_DOUBLE:
      return g_value_get_double (a) != g_value_get_double (b);
    default:
      return TRUE;
    }
}

/**
 * pathways_merge_records:
 * @rows: a list of records a view shows
 * @fresh: the same list, loaded again
 *
 * Puts @fresh's records into @rows by id, keeping the objects of those
 * still there (their values updated, which the cells follow), so that
 * what is selected and scrolled to stays; those gone are removed, the
 * new ones added at the end (the view sorts).
 *
 * Returns: whether anything changed (then the view's sorter and filter
 *   may need to look again)
 */
gboolean
pathways_merge_records (GListStore *rows,
                        GListModel *fresh)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean changed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      PathwaysRecord *row = g_list_model_get_item (G_LIST_MODEL (rows), i);
      gint64 id = pathways_record_get_id (row);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), row);
    }

  for (guint i = 0; i < g_list_model_get_n_items (fresh); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (fresh, i);
      gint64 id = pathways_record_get_id (row);
      PathwaysRecord *old = g_hash_table_lookup (by_id, &id);
      PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (row);

      if (old == NULL)
        {
          g_ptr_array_add (added, g_steal_pointer (&row));
          continue;
        }
      g_hash_table_add (kept, old);
      g_object_freeze_notify (G_OBJECT (old));
      for (guint f = 0; f < pathways_record_class_get_n_fields (klass); f++)
        {
          const GValue *now = pathways_record_peek_value (row, f);

          if (values_differ (now, pathways_record_peek_value (old, f)))
            {
              pathways_record_set_value (old, f, now);
              changed = TRUE;
            }
        }
      g_object_thaw_notify (G_OBJECT (old));
    }

  /* Those no longer there, from the end so that positions hold */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (rows)); i > 0; i--)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (G_LIST_MODEL (rows), i - 1);

      if (!g_hash_table_contains (kept, row))
        {
          g_list_store_remove (rows, i - 1);
          changed = TRUE;
        }
    }
  if (added->len > 0)
    {
      g_list_store_splice (rows, g_list_model_get_n_items (G_LIST_MODEL (rows)), 0, added->pdata, added->len);
      changed = TRUE;
    }
  return changed;
}


/**
 * pathways_add_page_shortcuts:
 * @page: a page of the window
 * @shortcuts: (array length=n): triggers ("<Control>m") and the page's
 *   actions they activate
 *
 * A page's shortcuts work wherever the focus is while the page is shown,
 * not only with the focus inside it: a managed controller is run by the
 * window, and only while its widget is mapped (so the same keys can mean
 * something else on another page).
 */
void
pathways_add_page_shortcuts (GtkWidget              *page,
                             const PathwaysShortcut *shortcuts,
                             guint                   n)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (page));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "pathways-page-shortcuts");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < n; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (page, controller);
}

/**
 * pathways_score_label_new:
 * @terms: (nullable): what the score is made of, a term a line
 *
 * "Score 64", explained: its tooltip (and its accessible description)
 * lists the planner's terms that make it up, and says what it is for.
 */
GtkWidget *
pathways_score_label_new (gint64      score,
                          const char *terms)
{
  /* Translators: a match score */
  g_autofree char *text = g_strdup_printf (_("Score %d"), (int) score);
  g_autofree char *why = NULL;
  GtkWidget *label = gtk_label_new (text);

  if (terms != NULL && *terms != '\0')
    /* Translators: the tooltip of a match score: the terms it is made of, one a line, then the total */
    why = g_strdup_printf (_("How well this fits; the higher, the better:\n%s\n= %d"), terms, (int) score);
  else
    why = g_strdup (_("How well this fits; the higher, the better. Nothing here adds to it."));
  gtk_widget_set_tooltip_text (label, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "score");
  return label;
}

/**
 * pathways_list_box_clear:
 *
 * Removes every row of @list.
 */
void
pathways_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/**
 * pathways_list_box_add_row:
 * @subtitle: (nullable):
 * @value: (nullable): a figure shown at the end of the row
 *
 * Appends a row of plain text (no markup) to @list, named for assistive
 * technologies by what it says.
 *
 * Returns: (transfer none): the row (an AdwActionRow)
 */
GtkWidget *
pathways_list_box_add_row (GtkListBox *list,
                           const char *title,
                           const char *subtitle,
                           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  /* Rows are named by what they say (GTK 4.8 has no row label API) */
  name = g_strjoin (", ", title, subtitle ? subtitle : "", value ? value : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* That label alone: libadwaita 1.2 labels an action row by its title as well */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_list_box_append (list, row);
  return row;
}

/**
 * pathways_list_box_add_empty_row:
 *
 * Appends a dimmed row saying why @list has nothing to show.
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
pathways_list_box_add_empty_row (GtkListBox *list,
                                 const char *text)
{
  GtkWidget *row = pathways_list_box_add_row (list, text, NULL, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

gboolean
pathways_money_row_read (GtkWidget  *row,
                         gint64     *out_pence,
                         GError    **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (text == NULL || *text == '\0')
    {
      *out_pence = 0;
      return TRUE;
    }
  if (!pathways_money_parse (text, out_pence, NULL) || *out_pence < 0)
    {
      g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID,
                   /* Translators: %s is a field, "Gross budget (£)" */
                   _("%s: “%s” is not an amount in pounds, such as 1,250.00"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
      return FALSE;
    }
  return TRUE;
}

/**
 * pathways_present_dialog:
 *
 * Presents @dialog, transient for the window @parent is in.
 */
void
pathways_present_dialog (GtkWidget *parent,
                         GtkWindow *dialog)
{
  GtkRoot *root = gtk_widget_get_root (parent);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/* Drop-downs of one width --------------------------------------------- */

static char *
drop_down_item_text (GtkDropDown *drop_down,
                     gpointer     item)
{
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);

  if (expression != NULL)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
        return g_value_dup_string (&value);
      return NULL;
    }
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return NULL;
}

/* The label shown on the button (not the popover's, nor a hidden page's) */
static GtkLabel *
first_label (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) || !gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *label = first_label (c);
      if (label != NULL)
        return label;
    }
  return NULL;
}

#define MAX_KEPT_WIDTH 280

/* The widest choice's width, measured on the button's own label: each
 * choice's text put in it in turn (and the picked one's put back) before
 * anything is drawn */
static void
drop_down_update_width (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  GtkLabel *label;
  g_autofree char *shown = NULL;
  int widest = 0;

  if (model == NULL || !gtk_widget_get_realized (GTK_WIDGET (drop_down)))
    return;
  if ((label = first_label (GTK_WIDGET (drop_down))) == NULL)
    return;
  shown = g_strdup (gtk_label_get_label (label));
  gtk_widget_set_size_request (GTK_WIDGET (drop_down), -1, -1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = drop_down_item_text (drop_down, item);
      int natural = 0;

      gtk_label_set_label (label, text ? text : "");
      gtk_widget_measure (GTK_WIDGET (drop_down), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      widest = MAX (widest, natural);
    }
  gtk_label_set_label (label, shown);
  /* Not past MAX_KEPT_WIDTH: a long choice (a provider's full name)
   * would otherwise keep every filter row wider than a narrow window */
  gtk_widget_set_size_request (GTK_WIDGET (drop_down), MIN (widest, MAX_KEPT_WIDTH), -1);
}

static void
drop_down_model_changed_cb (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  GListModel *watched = g_object_get_data (G_OBJECT (drop_down), "pathways-width-model");

  /* (an earlier model, if still alive, only makes it measure again) */
  if (model != watched)
    {
      if (model != NULL)
        g_signal_connect_object (model, "items-changed", G_CALLBACK (drop_down_update_width), drop_down,
                                 G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (drop_down), "pathways-width-model", model);
    }
  drop_down_update_width (drop_down);
}

void
pathways_drop_down_keep_width (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_signal_connect_after (drop_down, "realize", G_CALLBACK (drop_down_update_width), NULL);
  g_signal_connect (drop_down, "notify::model", G_CALLBACK (drop_down_model_changed_cb), NULL);
  drop_down_model_changed_cb (drop_down);
}
