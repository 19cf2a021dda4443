/* pathways-what-if-dialog.c — What If… on the Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-what-if-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-format.h"
#include "pathways-rules.h"
#include "pathways-vocab.h"
#include "pathways-what-if.h"
#include "pathways-what-if-dialog.h"

struct _PathwaysWhatIfDialog
{
  AdwWindow parent_instance;

  PathwaysContext *context;
  PathwaysStore   *store;
  GPtrArray       *adds;         /* char*: "add …" lines of the what-if file */
  GPtrArray       *descriptions; /* char*: each of them in words */
  GHashTable      *left_out;     /* gint64* unit ids */
  GCancellable    *cancellable;
  PathwaysPlan    *current;
  PathwaysPlan    *what_if;

  AdwComboRow     *kind_row;
  GtkStringList   *kind_codes;
  AdwEntryRow     *area_row;
  GtkSpinButton   *count_spin;
  AdwEntryRow     *cost_row;
  AdwEntryRow     *from_row;
  GtkListBox      *changes_list;
  GtkSearchEntry  *unit_search;
  GtkListBox      *unit_list;
  GtkWidget       *compare_button;
  GtkWidget       *cancel_button;
  GtkSpinner      *spinner;
  GtkProgressBar  *progress_bar;
  int             *per_mille;    /* rc box shared with the planning thread, while running */
  guint            progress_id;
  GtkLabel        *status_label;
  GtkGrid         *grid;
};

G_DEFINE_FINAL_TYPE (PathwaysWhatIfDialog, pathways_what_if_dialog, ADW_TYPE_WINDOW)

/* The what-if, as the CLI reads it -------------------------------------------------- */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

char *
pathways_what_if_dialog_dup_text (PathwaysWhatIfDialog *self)
{
  GString *text = g_string_new ("# Pathways what-if\n");
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PATHWAYS_IS_WHAT_IF_DIALOG (self), NULL);

  for (guint i = 0; i < self->adds->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (self->adds, i));
  g_hash_table_iter_init (&iter, self->left_out);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "remove unit=%" G_GINT64_FORMAT "\n", g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

/* The changes, as a list ------------------------------------------------------------- */

static void
invalidate (PathwaysWhatIfDialog *self)
{
  g_clear_pointer (&self->current, pathways_plan_free);
  g_clear_pointer (&self->what_if, pathways_plan_free);
}

/* "2 new units: Supported accommodation in North, £260.00 a week, from 01/06/2027";
 * NULL with @error if the line is not one the CLI reads */
static char *
describe_add (PathwaysWhatIfDialog *self,
              const char           *line,
              const char           *file_name,
              GError              **error)
{
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (self->store));
  g_autoptr(PathwaysWhatIf) w = pathways_what_if_parse (line, -1, file_name, today, error);
  GPtrArray *added;
  const PathwaysUnitFacts *u;
  g_autofree char *cost = NULL;
  g_autofree char *from = NULL;
  const char *kind;

  if (w == NULL)
    return NULL;
  added = pathways_what_if_get_added (w);
  if (added->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: this line adds no units."), file_name);
      return NULL;
    }
  u = g_ptr_array_index (added, 0);
  cost = pathways_money_format (u->weekly_cost);
  kind = pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, u->kind);
  if (u->status_to != NULL && g_strcmp0 (u->status, "offline") == 0)
    {
      from = pathways_date_format_uk (u->status_to);
      /* Translators: hypothetical units of the what-if: a count, a kind, an area, a weekly cost and a date */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new unit: %s in %s, %s a week, from %s",
                                           "%u new units: %s in %s, %s a week, from %s", added->len),
                              added->len, kind, u->area, cost, from);
    }
  /* Translators: hypothetical units of the what-if: a count, a kind, an area and a weekly cost */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new unit: %s in %s, %s a week, from today",
                                       "%u new units: %s in %s, %s a week, from today", added->len),
                          added->len, kind, u->area, cost);
}

static void
fill_changes (PathwaysWhatIfDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);
  for (guint i = 0; i < self->adds->len; i++)
    {
      const char *text = g_ptr_array_index (self->descriptions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Take these units out of the what-if"));
      /* Translators: a button's accessible name; %s says which hypothetical units */
      accessible = g_strdup_printf (_("Take out %s"), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "what-if.take-out");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->changes_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), self->adds->len > 0);
}

static void
take_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i >= self->adds->len)
    return;
  g_ptr_array_remove_index (self->adds, i);
  g_ptr_array_remove_index (self->descriptions, i);
  invalidate (self);
  fill_changes (self);
}

static gboolean
quotable (const char *text)
{
  return text != NULL && *text != '\0' && strchr (text, '"') == NULL && strchr (text, '\n') == NULL;
}

static void
add_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  const char *kind, *area, *from;
  gint64 count, pence;
  g_autofree char *line = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_field = NULL;

  g_variant_get (parameter, "(&s&sxx&s)", &kind, &area, &count, &pence, &from);
  if (!quotable (area))
    {
      gtk_label_set_text (self->status_label, _("Say in which area the new units are (without double quotes)."));
      return;
    }
  if (*from != '\0')
    from_field = g_strdup_printf (" from=%s", from);
  line = g_strdup_printf ("add kind=%s area=\"%s\" count=%" G_GINT64_FORMAT " cost=%" G_GINT64_FORMAT ".%02d%s",
                          kind, area, count, pence / 100, (int) (pence % 100), from_field ? from_field : "");
  /* Checked as the CLI reads it: the message names the field */
  description = describe_add (self, line, _("The new units"), &error);
  if (description == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_ptr_array_add (self->descriptions, g_steal_pointer (&description));
  g_ptr_array_add (self->adds, g_steal_pointer (&line));
  gtk_label_set_text (self->status_label, "");
  invalidate (self);
  fill_changes (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  guint pos = adw_combo_row_get_selected (self->kind_row);
  const char *kind = gtk_string_list_get_string (self->kind_codes, pos);
  gint64 pence = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *area = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->area_row))));
  g_autofree char *from = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_row))));

  if (kind == NULL)
    return;
  if (!pathways_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->cost_row)), &pence, &error) || pence < 0)
    {
      gtk_label_set_text (self->status_label, _("Weekly cost: give an amount of money, such as 250.00."));
      gtk_widget_grab_focus (GTK_WIDGET (self->cost_row));
      return;
    }
  gtk_widget_activate_action (widget, "what-if.add-unit", "(ssxxs)", kind, area,
                              (gint64) gtk_spin_button_get_value_as_int (self->count_spin), pence, from);
}

static void
leave_out_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *row;

  if (!g_hash_table_remove (self->left_out, &id))
    g_hash_table_add (self->left_out, g_memdup2 (&id, sizeof id));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gint64 *row_id = g_object_get_data (G_OBJECT (row), "unit-id");

      if (check != NULL && row_id != NULL && *row_id == id)
        gtk_check_button_set_active (check, g_hash_table_contains (self->left_out, &id));
    }
  invalidate (self);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  GtkWidget *row;

  g_ptr_array_set_size (self->adds, 0);
  g_ptr_array_set_size (self->descriptions, 0);
  g_hash_table_remove_all (self->left_out);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      if (check != NULL)
        gtk_check_button_set_active (check, FALSE);
    }
  invalidate (self);
  fill_changes (self);
}

static void
check_toggled_cb (GtkCheckButton       *check,
                  PathwaysWhatIfDialog *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "unit-id");

  if (gtk_check_button_get_active (check) != g_hash_table_contains (self->left_out, id))
    gtk_widget_activate_action (GTK_WIDGET (self), "what-if.leave-out", "x", *id);
}

static gboolean
unit_filter_cb (GtkListBoxRow *row,
                gpointer       data)
{
  PathwaysWhatIfDialog *self = data;
  g_auto(GStrv) words = pathways_search_words (gtk_editable_get_text (GTK_EDITABLE (self->unit_search)));
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  return words == NULL || words[0] == NULL || (key != NULL && pathways_search_matches (key, words));
}

static void
fill_units (PathwaysWhatIfDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = pathways_store_list (self->store, PATHWAYS_TYPE_UNIT, &error);

  if (units == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(PathwaysRecord) u = g_list_model_get_item (units, i);
      const char *name = pathways_record_get_string (u, "name");
      const char *kind = pathways_record_get_string (u, "kind");
      const char *area = pathways_record_get_string (u, "area");
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   kind ? pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, kind) : "—",
                                                   area && *area ? area : "—");
      g_autofree char *all = g_strdup_printf ("%s %s", name ? name : "", subtitle);
      g_autofree char *accessible = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = pathways_record_get_id (u);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* Translators: a check box: the unit is left out of the what-if plan */
      accessible = g_strdup_printf (_("Leave out %s"), name ? name : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (row), "key", pathways_search_key (all), g_free);
      g_object_set_data_full (G_OBJECT (row), "unit-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data_full (G_OBJECT (check), "unit-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_list_box_append (self->unit_list, row);
    }
}

/* Compare: both plans, off the main thread --------------------------------------------------- */

typedef struct {
  PathwaysWhatIf *what_if;
  PathwaysPlan   *current;
  PathwaysPlan   *after;
  int            *per_mille;   /* rc box: 0–1000 over both runs */
  int             base;        /* 0 for the current plan, 500 for the what-if */
} Compare;

static void
progress_cb (double   fraction,
             gpointer data)
{
  Compare *c = data;

  g_atomic_int_set (c->per_mille, c->base + (int) CLAMP (fraction * 500.0, 0.0, 500.0));
}

static void
compare_free (gpointer data)
{
  Compare *c = data;

  g_clear_pointer (&c->what_if, pathways_what_if_free);
  g_clear_pointer (&c->current, pathways_plan_free);
  g_clear_pointer (&c->after, pathways_plan_free);
  g_rc_box_release (c->per_mille);
  g_free (c);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PathwaysStore *store = source_object;
  Compare *c = task_data;
  GError *error = NULL;
  g_autoptr(GHashTable) settings = pathways_store_dup_settings (store, &error);
  PathwaysPlanOptions options;

  if (settings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pathways_plan_options_init (&options);
  pathways_plan_weights_from_settings (&options.weights, settings);
  options.progress = progress_cb;
  options.progress_data = c;
  c->current = pathways_plan_run (store, &options, cancellable, &error);
  if (c->current == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  options.what_if = c->what_if;
  c->base = 500;
  c->after = pathways_plan_run (store, &options, cancellable, &error);
  if (c->after == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
grid_cell (PathwaysWhatIfDialog *self,
           int                   column,
           int                   row,
           const char           *text,
           gboolean              heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  gtk_label_set_selectable (GTK_LABEL (label), column > 0 && !heading);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column == 0 ? 28 : 24);
  gtk_label_set_justify (GTK_LABEL (label), column == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->grid, label, column, row, 1, 1);
}

static char *
money_difference (gint64 pence)
{
  g_autofree char *amount = pathways_money_format (ABS (pence));

  if (pence == 0)
    return g_strdup (_("no change"));
  return g_strdup_printf ("%s%s", pence > 0 ? "+" : "−", amount);
}

static char *
count_difference (int n)
{
  if (n == 0)
    return g_strdup (_("no change"));
  return g_strdup_printf ("%s%d", n > 0 ? "+" : "−", ABS (n));
}

static char *
share_text (const PathwaysPlan *p)
{
  if (p->n_moves == 0)
    return g_strdup ("—");
  /* Translators: the share of moves to units inside the authority */
  return g_strdup_printf (_("%.0f%%"), 100.0 * (p->n_moves - p->n_out_of_authority) / p->n_moves);
}

static char *
unmet_by_kind (const PathwaysPlan *p)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < p->commissions->len; i++)
    {
      const PathwaysCommission *c = g_ptr_array_index (p->commissions, i);
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, c->text);
    }
  if (s->len == 0)
    g_string_append (s, _("None"));
  return g_string_free (s, FALSE);
}

static void
fill_grid (PathwaysWhatIfDialog *self)
{
  const PathwaysPlan *a = self->current, *b = self->what_if;
  GtkWidget *child;
  int r = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  gtk_widget_set_visible (GTK_WIDGET (self->grid), a != NULL && b != NULL);
  if (a == NULL || b == NULL)
    return;

  grid_cell (self, 0, r, "", TRUE);
  grid_cell (self, 1, r, _("Current plan"), TRUE);
  grid_cell (self, 2, r, _("What if"), TRUE);
  grid_cell (self, 3, r++, _("Difference"), TRUE);

#define MONEY_ROW(title, va, vb)                                                     \
  {                                                                                  \
    g_autofree char *x = pathways_money_format (va);                                 \
    g_autofree char *y = pathways_money_format (vb);                                 \
    g_autofree char *d = money_difference ((vb) - (va));                             \
    grid_cell (self, 0, r, title, FALSE);                                            \
    grid_cell (self, 1, r, x, FALSE);                                                \
    grid_cell (self, 2, r, y, FALSE);                                                \
    grid_cell (self, 3, r++, d, FALSE);                                              \
  }
#define COUNT_ROW(title, va, vb)                                                     \
  {                                                                                  \
    g_autofree char *x = g_strdup_printf ("%d", va);                                 \
    g_autofree char *y = g_strdup_printf ("%d", vb);                                 \
    g_autofree char *d = count_difference ((vb) - (va));                             \
    grid_cell (self, 0, r, title, FALSE);                                            \
    grid_cell (self, 1, r, x, FALSE);                                                \
    grid_cell (self, 2, r, y, FALSE);                                                \
    grid_cell (self, 3, r++, d, FALSE);                                              \
  }
  MONEY_ROW (_("Weekly cost of the proposed units"), a->weekly_cost, b->weekly_cost);
  MONEY_ROW (_("Annual cost (52 weeks)"), a->weekly_cost * 52, b->weekly_cost * 52);
  COUNT_ROW (_("Unmet demand (young people)"), a->n_unmet, b->n_unmet);
  COUNT_ROW (_("Met late"), a->n_late, b->n_late);
  COUNT_ROW (_("Moves"), a->n_moves, b->n_moves);
  COUNT_ROW (_("Moves out of the authority"), a->n_out_of_authority, b->n_out_of_authority);
#undef MONEY_ROW
#undef COUNT_ROW
  {
    g_autofree char *x = share_text (a);
    g_autofree char *y = share_text (b);
    grid_cell (self, 0, r, _("In-authority share of moves"), FALSE);
    grid_cell (self, 1, r, x, FALSE);
    grid_cell (self, 2, r++, y, FALSE);
  }
  {
    g_autofree char *x = unmet_by_kind (a);
    g_autofree char *y = unmet_by_kind (b);
    grid_cell (self, 0, r, _("Places still needed"), FALSE);
    grid_cell (self, 1, r, x, FALSE);
    grid_cell (self, 2, r++, y, FALSE);
  }
}

static gboolean
progress_tick_cb (gpointer data)
{
  PathwaysWhatIfDialog *self = data;

  if (self->per_mille != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (self->per_mille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_running (PathwaysWhatIfDialog *self,
             gboolean              running)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->per_mille, g_rc_box_release);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  if (running)
    {
      self->per_mille = g_rc_box_new0 (int);
      self->progress_id = g_timeout_add (100, progress_tick_cb, self);
    }
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "what-if.compare", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "what-if.cancel", running);
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PathwaysWhatIfDialog) self = user_data;
  Compare *c = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;  /* a later Compare, or closed */
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label, _("Comparison cancelled."));
      else
        gtk_label_set_text (self->status_label, error->message);
      return;
    }
  self->current = g_steal_pointer (&c->current);
  self->what_if = g_steal_pointer (&c->after);
  gtk_label_set_text (self->status_label, _("Nothing has been changed: this is only a comparison."));
  fill_grid (self);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  g_autofree char *text = pathways_what_if_dialog_dup_text (self);
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (self->store));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Compare *c;
  PathwaysWhatIf *what_if = pathways_what_if_parse (text, -1, _("the what-if"), today, &error);

  if (what_if == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  invalidate (self);
  fill_grid (self);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  c = g_new0 (Compare, 1);
  c->what_if = what_if;
  c->per_mille = g_rc_box_acquire (self->per_mille);
  task = g_task_new (self->store, self->cancellable, compare_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, compare_action);
  g_task_set_task_data (task, c, compare_free);
  g_task_run_in_thread (task, compare_thread);
  gtk_label_set_text (self->status_label, _("Planning the current stock and the what-if…"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

/* Open and save, in the CLI's format -------------------------------------------------------- */

static void
sync_checks (PathwaysWhatIfDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gint64 *id = g_object_get_data (G_OBJECT (row), "unit-id");

      if (check != NULL && id != NULL)
        gtk_check_button_set_active (check, g_hash_table_contains (self->left_out, id));
    }
}

static void
open_from_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autofree char *today = pathways_clock_dup_today (pathways_store_get_clock (self->store));
  g_autoptr(PathwaysWhatIf) check = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      (check = pathways_what_if_parse (contents, (gssize) length, base, today, &error)) == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;   /* what was in the dialog stays */
    }
  g_ptr_array_set_size (self->adds, 0);
  g_ptr_array_set_size (self->descriptions, 0);
  g_hash_table_remove_all (self->left_out);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "add") && g_ascii_isspace (line[3]))
        {
          g_autofree char *description = describe_add (self, line, base, NULL);
          if (description == NULL)
            continue;
          g_ptr_array_add (self->adds, g_strdup (line));
          g_ptr_array_add (self->descriptions, g_steal_pointer (&description));
        }
      else if (g_str_has_prefix (line, "remove"))
        {
          const char *unit = strstr (line, "unit=");
          gint64 id = unit ? g_ascii_strtoll (unit + 5, NULL, 10) : 0;

          if (id > 0)
            g_hash_table_add (self->left_out, g_memdup2 (&id, sizeof id));
        }
    }
  sync_checks (self);
  invalidate (self);
  fill_grid (self);
  fill_changes (self);
  {
    /* Translators: %s is a file name */
    g_autofree char *text = g_strdup_printf (_("Opened %s. Compare to see what it changes."), base);
    gtk_label_set_text (self->status_label, text);
  }
}

static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autofree char *text = pathways_what_if_dialog_dup_text (self);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved as %s; pathways-cli plan --what-if reads it too."), base);
  gtk_label_set_text (self->status_label, message);
}

static void
chosen_cb (GtkNativeDialog      *chooser,
           int                   response,
           PathwaysWhatIfDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self),
                                gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE
                                ? "what-if.save-to" : "what-if.open-from", "s", path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose (PathwaysWhatIfDialog *self,
        gboolean              save)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (save ? _("Save What-If") : _("Open What-If"), GTK_WINDOW (self),
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Save") : _("_Open"), _("_Cancel"));
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("what-if.txt"));
  gtk_file_filter_set_name (filter, _("What-if file (text)"));
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose (PATHWAYS_WHAT_IF_DIALOG (widget), TRUE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose (PATHWAYS_WHAT_IF_DIALOG (widget), FALSE);
}

/* Building --------------------------------------------------------------------------------- */

static GtkWidget *
group_new (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
search_changed_cb (GtkSearchEntry       *entry,
                   PathwaysWhatIfDialog *self)
{
  gtk_list_box_invalidate_filter (self->unit_list);
}

static void
build (PathwaysWhatIfDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group, *list, *row, *button, *buttons;
  GtkStringList *labels = gtk_string_list_new (NULL);
  const PathwaysVocabEntry *kinds;
  guint n_kinds = 0;

  self->compare_button = gtk_button_new_with_mnemonic (_("_Compare"));
  gtk_widget_add_css_class (self->compare_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->compare_button), "what-if.compare");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->compare_button);
  self->cancel_button = gtk_button_new_with_mnemonic (_("C_ancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "what-if.cancel");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->cancel_button);
  button = gtk_button_new_with_mnemonic (_("_Open…"));
  gtk_widget_set_tooltip_text (button, _("Open a what-if file, as pathways-cli plan --what-if reads"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "what-if.open");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Save…"));
  gtk_widget_set_tooltip_text (button, _("Save these changes as a what-if file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "what-if.save");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  self->status_label = GTK_LABEL (gtk_label_new (_("Add units that might be commissioned, or leave out units "
                                                   "that might close, then Compare. Nothing is changed.")));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What-if status"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comparison progress"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  /* The comparison */
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 24);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_widget_set_visible (GTK_WIDGET (self->grid), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Current plan and what-if, side by side"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));

  /* Hypothetical units */
  group = group_new (box, _("Add Units"), _("Units that do not exist, for this comparison only"));
  list = boxed_list_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  self->kind_codes = gtk_string_list_new (NULL);
  kinds = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      gtk_string_list_append (self->kind_codes, kinds[i].code);
      gtk_string_list_append (labels, pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, kinds[i].code));
    }
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  self->kind_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Area"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->area_row = ADW_ENTRY_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Number of units"));
  self->count_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 500, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->count_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number of units"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->count_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->count_spin));
  /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (GTK_WIDGET (self->count_spin)), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Weekly cost (£)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->cost_row = ADW_ENTRY_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_From (DD/MM/YYYY, blank for today)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->from_row = ADW_ENTRY_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  button = gtk_button_new_with_mnemonic (_("Clear _Changes"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "what-if.clear");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Add _Units"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "what-if.add");
  gtk_box_append (GTK_BOX (buttons), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);
  self->changes_list = GTK_LIST_BOX (boxed_list_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->changes_list), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->changes_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Units added in the what-if"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->changes_list));

  /* Units left out */
  group = group_new (box, _("Leave Out Units"), _("Units of the register the what-if plans without"));
  self->unit_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unit_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search units"), -1);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->unit_search), 6);
  g_signal_connect (self->unit_search, "search-changed", G_CALLBACK (search_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->unit_search));
  self->unit_list = GTK_LIST_BOX (boxed_list_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unit_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Units of the register"), -1);
  gtk_list_box_set_filter_func (self->unit_list, unit_filter_cb, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->unit_list));
}

/* GObject ------------------------------------------------------------------------------------- */

static void
pathways_what_if_dialog_dispose (GObject *object)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->per_mille, g_rc_box_release);
  invalidate (self);
  g_clear_object (&self->kind_codes);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (pathways_what_if_dialog_parent_class)->dispose (object);
}

static void
pathways_what_if_dialog_finalize (GObject *object)
{
  PathwaysWhatIfDialog *self = PATHWAYS_WHAT_IF_DIALOG (object);

  g_ptr_array_unref (self->adds);
  g_ptr_array_unref (self->descriptions);
  g_hash_table_unref (self->left_out);
  G_OBJECT_CLASS (pathways_what_if_dialog_parent_class)->finalize (object);
}

static void
pathways_what_if_dialog_class_init (PathwaysWhatIfDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_what_if_dialog_dispose;
  object_class->finalize = pathways_what_if_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "what-if.add-unit", "(ssxxs)", add_unit_action);
  gtk_widget_class_install_action (widget_class, "what-if.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "what-if.leave-out", "x", leave_out_action);
  gtk_widget_class_install_action (widget_class, "what-if.take-out", "u", take_out_action);
  gtk_widget_class_install_action (widget_class, "what-if.open-from", "s", open_from_action);
  gtk_widget_class_install_action (widget_class, "what-if.save-to", "s", save_to_action);
  gtk_widget_class_install_action (widget_class, "what-if.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "what-if.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "what-if.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "what-if.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "what-if.cancel", NULL, cancel_action);
}

static void
pathways_what_if_dialog_init (PathwaysWhatIfDialog *self)
{
  self->adds = g_ptr_array_new_with_free_func (g_free);
  self->descriptions = g_ptr_array_new_with_free_func (g_free);
  self->left_out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  build (self);
  set_running (self, FALSE);
}

/* Public API ---------------------------------------------------------------------------------- */

GtkWidget *
pathways_what_if_dialog_new (PathwaysContext *context,
                             GtkWindow       *parent)
{
  PathwaysWhatIfDialog *self;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PATHWAYS_IS_STORE (pathways_context_get_store (context)), NULL);

  self = g_object_new (PATHWAYS_TYPE_WHAT_IF_DIALOG,
                       "title", _("What If…"),
                       "modal", parent != NULL,
                       "transient-for", parent,
                       "default-width", 820,
                       "default-height", 720,
                       NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (pathways_context_get_store (context));
  fill_units (self);
  return GTK_WIDGET (self);
}

gboolean
pathways_what_if_dialog_get_plans (PathwaysWhatIfDialog *self,
                                   PathwaysPlan        **out_current,
                                   PathwaysPlan        **out_what_if)
{
  g_return_val_if_fail (PATHWAYS_IS_WHAT_IF_DIALOG (self), FALSE);

  if (self->current == NULL || self->what_if == NULL || self->cancellable != NULL)
    return FALSE;
  if (out_current)
    *out_current = self->current;
  if (out_what_if)
    *out_what_if = self->what_if;
  return TRUE;
}

gboolean
pathways_what_if_dialog_get_running (PathwaysWhatIfDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WHAT_IF_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
