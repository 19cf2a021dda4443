/* pathways-commission-view.c — the Commissioning page, for managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-commission-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pathways-budget-import.h"
#include "pathways-commission-view.h"
#include "pathways-format.h"
#include "pathways-i-statement-section.h"
#include "pathways-page.h"
#include "pathways-providers-dialog.h"
#include "pathways-widgets.h"

struct _PathwaysCommissionView
{
  GtkWidget parent_instance;

  PathwaysContext       *context;
  PathwaysStore         *store;
  GCancellable          *cancellable;
  PathwaysCommissioning *figures;
  GPtrArray             *referrals;    /* Loaded: PathwaysReferral */
  GPtrArray             *comparisons;  /* GPtrArray of PathwaysOfferComparison per referral */
  GPtrArray             *providers;    /* PathwaysProvider */
  GtkFileChooserNative  *chooser;

  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  AdwPreferencesGroup *budget_group;
  GtkListBox    *budget_list;
  GtkListBox    *month_list;
  AdwEntryRow   *year_row;
  AdwComboRow   *kind_row;
  AdwEntryRow   *amount_row;
  AdwEntryRow   *weeks_row;
  AdwEntryRow   *income_row;
  GtkLabel      *budget_error;
  GtkListBox    *mix_list;
  GtkListBox    *referral_list;
  GtkListBox    *provider_list;
  GtkListBox    *statement_list;
};

static void pathways_commission_view_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysCommissionView, pathways_commission_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_commission_view_page_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

/* Loading, off the main thread ---------------------------------------- */

typedef struct {
  PathwaysCommissioning *figures;
  GPtrArray             *referrals;
  GPtrArray             *comparisons;
  GPtrArray             *providers;
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_pointer (&l->figures, pathways_commissioning_free);
  g_clear_pointer (&l->referrals, g_ptr_array_unref);
  g_clear_pointer (&l->comparisons, g_ptr_array_unref);
  g_clear_pointer (&l->providers, g_ptr_array_unref);
  g_free (l);
}

static GPtrArray *
model_to_array (GListModel *model)
{
  GPtrArray *a = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (a, g_list_model_get_item (model, i));
  return a;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PathwaysStore *store = source_object;
  Loaded *l = g_new0 (Loaded, 1);
  g_autoptr(GListModel) referrals = NULL;
  g_autoptr(GListModel) providers = NULL;
  GError *error = NULL;

  l->figures = pathways_commissioning_compute (store, task_data, &error);
  if (l->figures != NULL)
    referrals = pathways_store_list (store, PATHWAYS_TYPE_REFERRAL, &error);
  if (referrals != NULL)
    providers = pathways_store_list (store, PATHWAYS_TYPE_PROVIDER, &error);
  if (providers == NULL)
    {
      loaded_free (l);
      g_task_return_error (task, error);
      return;
    }
  l->providers = model_to_array (providers);
  l->referrals = g_ptr_array_new_with_free_func (g_object_unref);
  l->comparisons = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (referrals); i++)
    {
      g_autoptr(PathwaysReferral) r = g_list_model_get_item (referrals, i);
      GPtrArray *cmp;

      if (g_strcmp0 (pathways_referral_get_state (r), "open") != 0)
        continue;
      cmp = pathways_offer_compare (store, pathways_record_get_id (PATHWAYS_RECORD (r)), &error);
      if (cmp == NULL)
        {
          loaded_free (l);
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (l->referrals, g_steal_pointer (&r));
      g_ptr_array_add (l->comparisons, cmp);
    }
  g_task_return_pointer (task, l, (GDestroyNotify) loaded_free);
}

/* Helpers --------------------------------------------------------------- */

static char *
money (gint64 pence)
{
  return pathways_money_format (pence);
}

static void
fill_budget (PathwaysCommissionView *self)
{
  const PathwaysBudgetReport *b = self->figures->budget;
  g_autofree char *today = pathways_date_format_uk (b->today);
  g_autofree char *description = NULL;

  /* Translators: "2026/27: spend actual to 22/11/2026, committed to the year end" */
  description = g_strdup_printf (_("%s: spend actual to %s, committed to the year end"), b->label, today);
  adw_preferences_group_set_description (self->budget_group, description);

  pathways_list_box_clear (self->budget_list);
  for (guint i = 0; i <= b->rows->len; i++)
    {
      const PathwaysBudgetRow *r = i < b->rows->len ? g_ptr_array_index (b->rows, i) : b->total;
      g_autofree char *budget = money (r->budget_gross - r->budget_income);
      g_autofree char *forecast = money (r->forecast_gross - r->forecast_income);
      g_autofree char *variance = money (r->variance.total);
      g_autofree char *subtitle = NULL;
      g_auto(GStrv) lines = g_strsplit (r->working, "\n", -1);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *name = NULL;
      const char *title = r->kind ? pathways_provision_kind_label (r->kind) : _("All kinds");

      if (r->budget_gross == 0 && r->budget_income == 0)
        /* Translators: a kind of provision with no budget for the year (a
         * variance against nothing would only repeat the forecast) */
        subtitle = g_strdup_printf (_("No budget set · forecast %s"), forecast);
      else
        /* Translators: budget and forecast net of income, and the variance */
        subtitle = g_strdup_printf (_("Budget %s · forecast %s · variance %s"), budget, forecast, variance);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          GtkWidget *line = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), lines[j]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, lines[j], -1);
          /* That label alone, not the title again (libadwaita 1.2 labels the row by it too) */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
      name = g_strdup_printf ("%s, %s", title, subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      /* That label alone: libadwaita 1.2 labels an action row by its title as well */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_list_box_append (self->budget_list, row);
    }

  pathways_list_box_clear (self->month_list);
  for (guint m = 0; m < b->months->len; m++)
    {
      const PathwaysBudgetMonth *month = g_ptr_array_index (b->months, m);
      const PathwaysBudgetRow *r = month->total;
      g_autofree char *v = money (r->variance.total);
      g_autofree char *vol = money (r->variance.volume);
      g_autofree char *uc = money (r->variance.unit_cost);
      g_autofree char *inc = money (r->variance.income);
      g_autofree char *subtitle = g_strdup_printf (_("Volume %s · unit cost %s · income %s"), vol, uc, inc);

      pathways_list_box_add_row (self->month_list, month->label, subtitle, v);
    }
}

static void
fill_mix (PathwaysCommissionView *self)
{
  const PathwaysPlacementMix *mix = self->figures->mix;

  pathways_list_box_clear (self->mix_list);
  if (mix->rows->len == 0)
    pathways_list_box_add_empty_row (self->mix_list, _("Nobody is in a placement on this day"));
  for (guint i = 0; i < mix->rows->len; i++)
    {
      const PathwaysMixRow *r = g_ptr_array_index (mix->rows, i);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d placement · %.0f%%",
                                                                "%d placements · %.0f%%", r->count),
                                                   r->count, r->percent);
      g_autofree char *cost = NULL;

      if (r->average_weekly > 0)
        {
          g_autofree char *m = money (r->average_weekly);
          /* Translators: an average weekly cost, "£904 a week" */
          cost = g_strdup_printf (_("%s a week"), m);
        }
      pathways_list_box_add_row (self->mix_list, pathways_provision_kind_label (r->kind), subtitle, cost);
    }
}

static void
fill_referrals (PathwaysCommissionView *self)
{
  const PathwaysReferralTimes *t = &self->figures->times;

  pathways_list_box_clear (self->referral_list);
  if (t->placed > 0)
    {
      g_autofree char *title = g_strdup_printf (_("Median %d days from referral to placement"), t->median_days);
      g_autofree char *subtitle = g_strdup_printf (_("%u placed, %u open, %u closed; the longest took %d days"),
                                                   t->placed, t->open, t->closed, t->longest_days);
      pathways_list_box_add_row (self->referral_list, title, subtitle, NULL);
    }
  if (self->referrals->len == 0)
    pathways_list_box_add_empty_row (self->referral_list, _("No referral is open"));
  for (guint i = 0; i < self->referrals->len; i++)
    {
      PathwaysReferral *r = g_ptr_array_index (self->referrals, i);
      GPtrArray *cmp = g_ptr_array_index (self->comparisons, i);
      g_autofree char *needed = pathways_date_format_uk (pathways_referral_get_needed_by (r));
      g_autofree char *title = g_strdup_printf (_("R%" G_GINT64_FORMAT " · %s"), pathways_record_get_id (PATHWAYS_RECORD (r)),
                                                pathways_provision_kind_label (pathways_referral_get_kind (r)));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Needed by %s · %u offer",
                                                                "Needed by %s · %u offers", cmp->len),
                                                   needed, cmp->len);

      pathways_list_box_add_row (self->referral_list, title, subtitle, NULL);
      for (guint j = 0; j < cmp->len; j++)
        {
          PathwaysOfferComparison *c = g_ptr_array_index (cmp, j);
          g_autofree char *cost = money (c->weekly_cost);
          g_autofree char *from = pathways_date_format_uk (c->available_from);
          g_autofree char *miles = c->miles >= 0 ? g_strdup_printf (_("%.1f miles from home"), c->miles)
                                                 : g_strdup (_("distance from home not known"));
          g_autofree char *otitle = g_strdup_printf ("%s — %s", c->provider, c->unit_name);
          g_autofree char *osub = g_strdup_printf (_("%s a week%s · from %s · %s · %s · %s"), cost,
                                                   c->cheapest ? _(" (cheapest)") : "", from, miles,
                                                   c->registration, c->verdict_label);
          GtkWidget *row = pathways_list_box_add_row (self->referral_list, otitle, osub, NULL);

          if (c->reasons != NULL && *c->reasons != '\0')
            gtk_widget_set_tooltip_text (row, c->reasons);
          if (g_str_equal (c->state, "open"))
            {
              GtkWidget *button = gtk_button_new ();
              GtkWidget *label = gtk_label_new_with_mnemonic (_("_Accept"));
              g_autofree char *accessible = g_strdup_printf (_("Accept the offer of %s"), c->unit_name);

              gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
              gtk_button_set_child (GTK_BUTTON (button), label);
              gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "commission.accept-offer");
              gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (c->offer_id));
              gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
            }
        }
    }
}

static void
fill_providers (PathwaysCommissionView *self)
{
  pathways_list_box_clear (self->provider_list);
  if (self->providers->len == 0)
    pathways_list_box_add_empty_row (self->provider_list, _("No provider is recorded yet"));
  for (guint i = 0; i < self->providers->len; i++)
    {
      PathwaysProvider *p = g_ptr_array_index (self->providers, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   pathways_provider_route_label (pathways_provider_get_route (p)),
                                                   pathways_provider_get_kinds (p) ? pathways_provider_get_kinds (p)
                                                                                   : _("no kinds recorded"));
      pathways_list_box_add_row (self->provider_list, pathways_provider_get_name (p), subtitle, pathways_provider_get_email (p));
    }
}

static void
fill_statements (PathwaysCommissionView *self)
{
  pathways_i_statement_rows_fill (self->statement_list, self->figures->by_provider);
}

/* Callbacks --------------------------------------------------------------- */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysCommissionView) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l = g_task_propagate_pointer (G_TASK (result), &error);

  if (l == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_pointer (&self->figures, pathways_commissioning_free);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_clear_pointer (&self->comparisons, g_ptr_array_unref);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  self->figures = g_steal_pointer (&l->figures);
  self->referrals = g_steal_pointer (&l->referrals);
  self->comparisons = g_steal_pointer (&l->comparisons);
  self->providers = g_steal_pointer (&l->providers);
  loaded_free (l);

  fill_budget (self);
  fill_mix (self);
  fill_referrals (self);
  fill_providers (self);
  fill_statements (self);
  gtk_stack_set_visible_child_name (self->stack, "page");
}

/* Writes, off the main thread ------------------------------------------------ */

typedef enum { WRITE_BUDGET, WRITE_IMPORT, WRITE_ACCEPT } WriteKind;

typedef struct {
  WriteKind              kind;
  int                    year;
  char                  *code;
  gint64                 amount;
  double                 weeks;
  gint64                 income;
  gint64                 offer_id;
  PathwaysBudgetImport  *import;
  PathwaysChangeSet     *undo;
} Write;

static void
write_free (Write *w)
{
  g_free (w->code);
  g_clear_pointer (&w->import, pathways_budget_import_free);
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
  gboolean ok = FALSE;

  switch (w->kind)
    {
    case WRITE_BUDGET:
      ok = pathways_budget_set (source_object, w->year, w->code, w->amount, w->weeks, w->income, NULL, &w->undo,
                                &error);
      break;
    case WRITE_IMPORT:
      ok = pathways_budget_import_apply (source_object, w->import, &w->undo, &error);
      break;
    case WRITE_ACCEPT:
      /* Warnings are accepted by the manager who accepts the offer */
      ok = pathways_offer_accept (source_object, w->offer_id, NULL, _("Offer accepted by the commissioning manager"),
                                  NULL, NULL, &w->undo, &error);
      break;
    default:
      g_assert_not_reached ();
    }
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
  g_autoptr(PathwaysCommissionView) self = user_data;
  g_autoptr(GError) error = NULL;
  Write *w = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (w->kind == WRITE_BUDGET)
        {
          gtk_label_set_text (self->budget_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->budget_error), TRUE);
        }
      else
        pathways_context_show_error (self->context, error);
      return;
    }
  switch (w->kind)
    {
    case WRITE_BUDGET:
      gtk_widget_set_visible (GTK_WIDGET (self->budget_error), FALSE);
      pathways_context_show_undoable (self->context, _("Budget line saved"), w->undo);
      break;
    case WRITE_IMPORT:
      pathways_context_show_undoable (self->context, _("Budget imported"), w->undo);
      break;
    case WRITE_ACCEPT:
    default:
      pathways_context_show_undoable (self->context, _("Offer accepted: the unit is in the register and the move "
                                                       "is scheduled"), w->undo);
      break;
    }
}

static void
run_write (PathwaysCommissionView *self,
           Write                  *w)
{
  g_autoptr(GTask) task = g_task_new (self->store, NULL, written_cb, g_object_ref (self));

  g_task_set_source_tag (task, run_write);
  g_task_set_task_data (task, w, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_thread);
}

static void
providers_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (widget);
  PathwaysProvidersDialog *dialog = pathways_providers_dialog_new (self->context);

  pathways_present_dialog (widget, GTK_WINDOW (dialog));
}

static void
save_budget_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (widget);
  g_autoptr(GError) error = NULL;
  guint n_kinds, k = adw_combo_row_get_selected (self->kind_row);
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n_kinds);
  const char *weeks_text = gtk_editable_get_text (GTK_EDITABLE (self->weeks_row));
  g_autofree char *problem = NULL;
  Write *w;

  if (self->store == NULL)
    return;
  w = g_new0 (Write, 1);
  w->kind = WRITE_BUDGET;
  if (!pathways_budget_year_parse (gtk_editable_get_text (GTK_EDITABLE (self->year_row)), &w->year, &error) ||
      !pathways_money_row_read (GTK_WIDGET (self->amount_row), &w->amount, &error) ||
      !pathways_money_row_read (GTK_WIDGET (self->income_row), &w->income, &error))
    problem = g_strdup (error->message);
  else if (weeks_text != NULL && *weeks_text != '\0')
    {
      char *end = NULL;
      w->weeks = g_ascii_strtod (weeks_text, &end);
      if (end == weeks_text || *end != '\0' || !isfinite (w->weeks))
        problem = g_strdup_printf (_("Placement-weeks: “%s” is not a number"), weeks_text);
    }
  if (problem == NULL)
    {
      w->code = g_strdup (k < n_kinds ? kinds[k].code : NULL);
      problem = pathways_budget_check_line (w->year, w->code, w->amount, w->weeks, w->income);
    }
  if (problem != NULL)
    {
      gtk_label_set_text (self->budget_error, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->budget_error), TRUE);
      write_free (w);
      return;
    }
  run_write (self, w);
}

static void
chooser_response_cb (PathwaysCommissionView *self,
                     int                     response,
                     GtkFileChooserNative   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysBudgetImport *import;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  import = pathways_budget_import_parse_file (path, &error);
  if (import == NULL)
    {
      pathways_context_show_error (self->context, error);
      return;
    }
  if (import->n_errors > 0)
    {
      PathwaysExchangeProblem *first = g_ptr_array_index (import->problems, 0);
      gtk_label_set_text (self->budget_error, first->message);
      gtk_widget_set_visible (GTK_WIDGET (self->budget_error), TRUE);
      pathways_budget_import_free (import);
      return;
    }
  {
    Write *w = g_new0 (Write, 1);
    w->kind = WRITE_IMPORT;
    w->import = import;
    run_write (self, w);
  }
}

static void
import_budget_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import Budget"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
accept_offer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (widget);
  Write *w;

  if (self->store == NULL)
    return;
  w = g_new0 (Write, 1);
  w->kind = WRITE_ACCEPT;
  w->offer_id = g_variant_get_int64 (parameter);
  run_write (self, w);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pathways_commission_view_reload (PATHWAYS_COMMISSION_VIEW (widget));
}

/* PathwaysPage --------------------------------------------------------------- */

static void
pathways_commission_view_load (PathwaysPage  *page,
                               PathwaysStore *store)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (page);
  g_autofree char *today = pathways_context_dup_today (self->context);
  g_autofree char *year = pathways_budget_year_label (pathways_budget_year_of (today));

  g_set_object (&self->store, store);
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
  pathways_commission_view_reload (self);
}

static void
pathways_commission_view_changed (PathwaysPage    *page,
                                  PathwaysChanges *changes)
{
  static const char * const tables[] = {
    "budget_line", "placement_income", "spell", "unit", "transition", "provider", "referral", "offer",
    "i_statement", "i_statement_answer", "young_person", "setting",
  };

  if (pathways_changes_is_everything (changes))
    {
      pathways_commission_view_reload (PATHWAYS_COMMISSION_VIEW (page));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (pathways_changes_has_table (changes, tables[i]))
      {
        pathways_commission_view_reload (PATHWAYS_COMMISSION_VIEW (page));
        return;
      }
}

static const char *
pathways_commission_view_get_title (PathwaysPage *page)
{
  return _("Commissioning");
}

static const char *
pathways_commission_view_get_icon_name (PathwaysPage *page)
{
  return "x-office-spreadsheet-symbolic";
}

static void
pathways_commission_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_commission_view_load;
  iface->changed = pathways_commission_view_changed;
  iface->get_title = pathways_commission_view_get_title;
  iface->get_icon_name = pathways_commission_view_get_icon_name;
}

/* GObject ----------------------------------------------------------------------- */

static void
pathways_commission_view_dispose (GObject *object)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (object);

  pathways_page_detach (PATHWAYS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_COMMISSION_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_commission_view_parent_class)->dispose (object);
}

static void
pathways_commission_view_finalize (GObject *object)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (object);

  g_clear_pointer (&self->figures, pathways_commissioning_free);
  g_clear_pointer (&self->referrals, g_ptr_array_unref);
  g_clear_pointer (&self->comparisons, g_ptr_array_unref);
  g_clear_pointer (&self->providers, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_commission_view_parent_class)->finalize (object);
}

static void
pathways_commission_view_constructed (GObject *object)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (object);

  G_OBJECT_CLASS (pathways_commission_view_parent_class)->constructed (object);
  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_commission_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pathways_page_get_title (PATHWAYS_PAGE (self)));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, pathways_page_get_icon_name (PATHWAYS_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_commission_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PathwaysCommissionView *self = PATHWAYS_COMMISSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_commission_view_class_init (PathwaysCommissionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_commission_view_constructed;
  object_class->dispose = pathways_commission_view_dispose;
  object_class->finalize = pathways_commission_view_finalize;
  object_class->get_property = pathways_commission_view_get_property;
  object_class->set_property = pathways_commission_view_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-commission-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, budget_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, budget_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, month_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, year_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, amount_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, weeks_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, income_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, budget_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, mix_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, referral_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, provider_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCommissionView, statement_list);

  gtk_widget_class_install_action (widget_class, "commission.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "commission.save-budget", NULL, save_budget_action);
  gtk_widget_class_install_action (widget_class, "commission.import-budget", NULL, import_budget_action);
  gtk_widget_class_install_action (widget_class, "commission.accept-offer", "x", accept_offer_action);
  gtk_widget_class_install_action (widget_class, "commission.providers", NULL, providers_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "commission.providers", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "commission.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "commission.save-budget", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "commission.import-budget", NULL);
}

static void
pathways_commission_view_init (PathwaysCommissionView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  guint n;
  const PathwaysProvisionKind *k = pathways_provision_kinds (&n);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, g_dgettext (GETTEXT_PACKAGE, k[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API ------------------------------------------------------------------------ */

GtkWidget *
pathways_commission_view_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  return g_object_new (PATHWAYS_TYPE_COMMISSION_VIEW, "context", context, NULL);
}

/**
 * pathways_commission_view_reload:
 *
 * Works the figures out again for today, in a worker thread; the last
 * figures stay on screen meanwhile.
 */
void
pathways_commission_view_reload (PathwaysCommissionView *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PATHWAYS_IS_COMMISSION_VIEW (self));

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->figures == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  task = g_task_new (self->store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_commission_view_reload);
  g_task_set_task_data (task, pathways_context_dup_today (self->context), g_free);
  g_task_run_in_thread (task, load_thread);
}

const char *
pathways_commission_view_get_visible_page (PathwaysCommissionView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_COMMISSION_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const PathwaysCommissioning *
pathways_commission_view_get_figures (PathwaysCommissionView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_COMMISSION_VIEW (self), NULL);
  return self->figures;
}
