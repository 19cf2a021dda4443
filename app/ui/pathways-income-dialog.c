/* pathways-income-dialog.c — income against a young person's placements
 *
 * The young person's placements and income are few: read when the
 * dialog opens and after each change; writes run in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-income-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-budget.h"
#include "pathways-format.h"
#include "pathways-income-dialog.h"
#include "pathways-page.h"
#include "pathways-person-page.h"
#include "pathways-widgets.h"

struct _PathwaysIncomeDialog
{
  AdwWindow parent_instance;

  PathwaysContext *context;
  gint64           person_id;
  GArray          *spell_ids;   /* gint64, one per placement choice after "None" */
  GPtrArray       *incomes;     /* PathwaysPlacementIncome shown */
  gboolean         busy;

  GtkListBox  *income_list;
  AdwComboRow *spell_row;
  AdwComboRow *source_row;
  AdwEntryRow *amount_row;
  AdwEntryRow *from_row;
  AdwEntryRow *until_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (PathwaysIncomeDialog, pathways_income_dialog, ADW_TYPE_WINDOW)

static void
show_error (PathwaysIncomeDialog *self,
            GtkWidget            *field,
            const char           *message)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->spell_row), GTK_WIDGET (self->source_row), GTK_WIDGET (self->amount_row),
    GTK_WIDGET (self->from_row), GTK_WIDGET (self->until_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != field)
      gtk_widget_remove_css_class (rows[i], "error");
  if (field != NULL)
    {
      /* marked, and brought into view */
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The placement a spell was, as the form names it: "Canal House, from 01/04/2026" */
static char *
spell_label (PathwaysStore *store,
             PathwaysSpell *spell)
{
  g_autofree char *from = pathways_date_format_uk (pathways_spell_get_start_date (spell));
  g_autoptr(PathwaysUnit) unit = NULL;
  const char *where = pathways_spell_get_address (spell);

  if (pathways_spell_get_unit_id (spell) > 0)
    unit = pathways_store_get (store, PATHWAYS_TYPE_UNIT, pathways_spell_get_unit_id (spell), NULL);
  if (unit != NULL)
    where = pathways_unit_get_name (unit);
  /* Translators: a placement: where, and the day it started */
  return g_strdup_printf (_("%s, from %s"), where ? where : _("Placement"), from);
}

static void
fill (PathwaysIncomeDialog *self)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GListModel) spells = NULL;
  g_autoptr(GListModel) incomes = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint chosen = adw_combo_row_get_selected (self->spell_row);

  pathways_list_box_clear (self->income_list);
  g_array_set_size (self->spell_ids, 0);
  g_ptr_array_set_size (self->incomes, 0);
  if (store == NULL)
    return;
  spells = pathways_store_list_for_person (store, PATHWAYS_TYPE_SPELL, self->person_id, &error);
  if (spells != NULL)
    incomes = pathways_store_list_for_person (store, PATHWAYS_TYPE_PLACEMENT_INCOME, self->person_id, &error);
  if (incomes == NULL)
    {
      show_error (self, NULL, error->message);
      return;
    }
  gtk_string_list_append (choices, _("Not one placement"));
  for (guint i = 0; i < g_list_model_get_n_items (spells); i++)
    {
      g_autoptr(PathwaysSpell) s = g_list_model_get_item (spells, i);
      g_autofree char *label = spell_label (store, s);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (s));

      if (g_strcmp0 (pathways_spell_get_state (s), "cancelled") == 0)
        continue;
      gtk_string_list_append (choices, label);
      g_array_append_val (self->spell_ids, id);
    }
  adw_combo_row_set_model (self->spell_row, G_LIST_MODEL (choices));
  /* The latest placement by default: income is mostly for the current one */
  adw_combo_row_set_selected (self->spell_row, chosen > 0 && chosen <= self->spell_ids->len ? chosen
                                                : self->spell_ids->len);

  if (g_list_model_get_n_items (incomes) == 0)
    pathways_list_box_add_empty_row (self->income_list, _("No income is recorded for this young person"));
  for (guint i = 0; i < g_list_model_get_n_items (incomes); i++)
    {
      g_autoptr(PathwaysPlacementIncome) in = g_list_model_get_item (incomes, i);
      g_autofree char *amount = pathways_money_format (pathways_placement_income_get_weekly_amount (in));
      g_autofree char *from = pathways_date_format_uk (pathways_placement_income_get_start_date (in));
      g_autofree char *until = pathways_placement_income_get_end_date (in)
                               ? pathways_date_format_uk (pathways_placement_income_get_end_date (in)) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *placement = NULL;
      g_autofree char *remove_name = NULL;
      const char *source = pathways_income_source_label (pathways_placement_income_get_source (in));
      GtkWidget *row, *remove;

      if (pathways_placement_income_get_spell_id (in) > 0)
        {
          g_autoptr(PathwaysSpell) s = pathways_store_get (store, PATHWAYS_TYPE_SPELL,
                                                           pathways_placement_income_get_spell_id (in), NULL);
          if (s != NULL)
            placement = spell_label (store, s);
        }
      if (until != NULL)
        /* Translators: income: a weekly amount, the days it runs, the placement */
        subtitle = g_strdup_printf (_("%s a week from %s until %s · %s"), amount, from, until,
                                    placement ? placement : _("not one placement"));
      else
        /* Translators: income: a weekly amount, the day it starts, the placement */
        subtitle = g_strdup_printf (_("%s a week from %s · %s"), amount, from,
                                    placement ? placement : _("not one placement"));
      row = pathways_list_box_add_row (self->income_list, source, subtitle, NULL);
      remove = gtk_button_new_with_mnemonic (_("_Remove"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "income.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", pathways_record_get_id (PATHWAYS_RECORD (in)));
      /* Translators: a button's accessible name; %s is a source of income */
      remove_name = g_strdup_printf (_("Remove %s"), source);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_ptr_array_add (self->incomes, g_steal_pointer (&in));
    }
}

/* Writing ---------------------------------------------------------------- */

typedef struct {
  PathwaysPlacementIncome *income;
  gboolean                 remove;
  PathwaysChangeSet       *undo;
} Write;

static void
write_free (Write *w)
{
  g_clear_object (&w->income);
  g_clear_pointer (&w->undo, pathways_change_set_unref);
  g_free (w);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *w = task_data;
  GError *error = NULL;
  gboolean ok = w->remove ? pathways_budget_remove_income (source_object, w->income, &w->undo, &error)
                          : pathways_budget_add_income (source_object, w->income, &w->undo, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysIncomeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Write *w = g_task_get_task_data (G_TASK (result));
  const char *source_label = pathways_income_source_label (pathways_placement_income_get_source (w->income));
  g_autofree char *done = NULL;

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *field = NULL;

      if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT))
        fill (self);
      else if (!w->remove && g_strrstr (error->message, "placement") != NULL)
        field = GTK_WIDGET (self->spell_row);
      else if (!w->remove && g_strrstr (error->message, "end before") != NULL)
        field = GTK_WIDGET (self->until_row);
      show_error (self, field, error->message);
      return;
    }
  done = w->remove
    /* Translators: a toast; %s is a source of income, "Housing benefit" */
    ? g_strdup_printf (_("%s removed"), source_label)
    /* Translators: a toast; %s is a source of income, "Housing benefit" */
    : g_strdup_printf (_("%s recorded"), source_label);
  pathways_context_show_undoable (self->context, done, w->undo);
  show_error (self, NULL, NULL);
  if (!w->remove)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->until_row), "");
    }
  fill (self);
}

static void
run_write (PathwaysIncomeDialog *self,
           Write                *w)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;

  if (store == NULL || self->busy)
    {
      write_free (w);
      return;
    }
  self->busy = TRUE;
  task = g_task_new (store, NULL, written_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_write);
  g_task_set_task_data (task, w, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_thread);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwaysIncomeDialog *self = PATHWAYS_INCOME_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n_sources;
  const PathwaysCodeLabel *sources = pathways_income_sources (&n_sources);
  guint source = adw_combo_row_get_selected (self->source_row);
  guint spell = adw_combo_row_get_selected (self->spell_row);
  const char *until_text = gtk_editable_get_text (GTK_EDITABLE (self->until_row));
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  gint64 amount = 0;
  Write *w;

  if (self->busy)
    return;
  if (!pathways_money_row_read (GTK_WIDGET (self->amount_row), &amount, &error))
    {
      show_error (self, GTK_WIDGET (self->amount_row), error->message);
      return;
    }
  if (amount <= 0)
    {
      show_error (self, GTK_WIDGET (self->amount_row), _("Weekly amount (£): say how much comes in each week"));
      return;
    }
  if (!pathways_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), &from))
    {
      show_error (self, GTK_WIDGET (self->from_row), _("From: give the first day of the income, as dd/mm/yyyy"));
      return;
    }
  if (until_text != NULL && *until_text != '\0' && !pathways_date_parse_user (until_text, &until))
    {
      show_error (self, GTK_WIDGET (self->until_row),
                  _("Until: give the last day of the income as dd/mm/yyyy, or leave it empty"));
      return;
    }
  w = g_new0 (Write, 1);
  w->income = g_object_new (PATHWAYS_TYPE_PLACEMENT_INCOME,
                            "young-person-id", self->person_id,
                            "spell-id", spell > 0 && spell <= self->spell_ids->len
                                        ? g_array_index (self->spell_ids, gint64, spell - 1) : (gint64) 0,
                            "source", source < n_sources ? sources[source].code : NULL,
                            "weekly-amount", amount,
                            "start-date", from,
                            "end-date", until,
                            NULL);
  run_write (self, w);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysIncomeDialog *self = PATHWAYS_INCOME_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->incomes->len; i++)
    {
      PathwaysPlacementIncome *in = g_ptr_array_index (self->incomes, i);
      if (pathways_record_get_id (PATHWAYS_RECORD (in)) == id)
        {
          /* The version shown: a removal of income changed since is refused */
          Write *w = g_new0 (Write, 1);
          w->income = g_object_ref (in);
          w->remove = TRUE;
          run_write (self, w);
          return;
        }
    }
}

/* GObject ---------------------------------------------------------------- */

static void
pathways_income_dialog_dispose (GObject *object)
{
  PathwaysIncomeDialog *self = PATHWAYS_INCOME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_INCOME_DIALOG);
  g_clear_pointer (&self->spell_ids, g_array_unref);
  g_clear_pointer (&self->incomes, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_income_dialog_parent_class)->dispose (object);
}

static void
pathways_income_dialog_class_init (PathwaysIncomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_income_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-income-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysIncomeDialog, income_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIncomeDialog, spell_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIncomeDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIncomeDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIncomeDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIncomeDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIncomeDialog, error_label);

  gtk_widget_class_install_action (widget_class, "income.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "income.remove", "x", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "income.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathways_income_dialog_init (PathwaysIncomeDialog *self)
{
  g_autoptr(GtkStringList) sources_model = gtk_string_list_new (NULL);
  guint n;
  const PathwaysCodeLabel *sources = pathways_income_sources (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->spell_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->incomes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (sources_model, g_dgettext (GETTEXT_PACKAGE, sources[i].label));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources_model));
}

PathwaysIncomeDialog *
pathways_income_dialog_new (PathwaysContext *context,
                            gint64           person_id)
{
  PathwaysIncomeDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *uk = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  self = g_object_new (PATHWAYS_TYPE_INCOME_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->person_id = person_id;
  today = pathways_context_dup_today (context);
  uk = pathways_date_format_uk (today);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), uk);
  fill (self);
  return self;
}

const char *
pathways_income_dialog_get_error (PathwaysIncomeDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_INCOME_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
pathways_income_dialog_is_busy (PathwaysIncomeDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_INCOME_DIALOG (self), FALSE);
  return self->busy;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysPersonPage *page = PATHWAYS_PERSON_PAGE (widget);
  PathwaysIncomeDialog *dialog;
  gint64 person = pathways_person_page_get_person_id (page);

  if (person <= 0)
    return;
  dialog = pathways_income_dialog_new (pathways_page_get_context (PATHWAYS_PAGE (page)), person);
  pathways_present_dialog (widget, GTK_WINDOW (dialog));
}

void
pathways_income_dialog_install_action (GtkWidgetClass *widget_class,
                                       const char     *action_name)
{
  gtk_widget_class_install_action (widget_class, action_name, NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK, action_name, NULL);
}
