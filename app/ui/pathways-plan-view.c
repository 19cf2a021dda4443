/* pathways-plan-view.c — the Plan page, for managers and housing liaison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-format.h"
#include "pathways-page.h"
#include "pathways-plan-service.h"
#include "pathways-plan-view.h"
#include "pathways-row-name.h"
#include "pathways-settings.h"
#include "pathways-vocab.h"
#include "pathways-what-if-dialog.h"
#include "pathways-wrap-box.h"

typedef enum {
  COLUMN_PERSON,
  COLUMN_DATE,
  COLUMN_UNIT,
  COLUMN_KIND,
  COLUMN_COST,
  COLUMN_NEED,
  COLUMN_PA,
  N_COLUMNS
} Column;

static const char * const weight_keys[] = {
  "plan_weight_cost", "plan_weight_distance", "plan_weight_stability",
  "plan_weight_readiness", "plan_weight_wishes", "plan_weight_waiting",
};

struct _PathwaysPlanView
{
  GtkWidget parent_instance;

  PathwaysContext     *context;
  PathwaysStore       *store;
  PathwaysPlanService *service;
  GtkMultiSelection   *selection;
  GtkSpinButton       *weight_spins[G_N_ELEMENTS (weight_keys)];
  gboolean             filling_weights;
  gboolean             planned_once;    /* the page plans by itself the first time it is shown */

  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkLabel       *summary_label;
  GtkProgressBar *progress;
  GtkProgressBar *first_progress;
  GtkWidget      *cancel_button;
  GtkColumnView  *columns;
  AdwPreferencesGroup *detail_group;
  GtkListBox     *detail_list;
  GtkListBox     *commission_list;
  GtkListBox     *weight_list;
};

static void pathways_plan_view_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysPlanView, pathways_plan_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_plan_view_page_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

/* Text of a proposal --------------------------------------------------------------- */

static char *
cell_text (PathwaysPlanRow *row,
           Column           column)
{
  const PathwaysProposal *p = pathways_plan_row_get_proposal (row);

  switch (column)
    {
    case COLUMN_PERSON:
      return g_strdup (p->person_name);
    case COLUMN_DATE:
      return pathways_date_format_uk (p->date);
    case COLUMN_UNIT:
      return g_strdup (p->unit_id != 0 ? p->unit_name : _("No suitable unit"));
    case COLUMN_KIND:
      return g_strdup (p->unit_kind != NULL ? pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, p->unit_kind) : "—");
    case COLUMN_COST:
      return p->unit_id != 0 ? pathways_money_format (p->weekly_cost) : g_strdup ("—");
    case COLUMN_NEED:
      return g_strdup (pathways_need_kind_label (p->need));
    case COLUMN_PA:
      return g_strdup (pathways_plan_row_get_pa_name (row) ? pathways_plan_row_get_pa_name (row) : "—");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* "Amara Okafor, to Flat 3, Canal House on 14/05/2027, £250.00 a week: placement ends at 18" */
static char *
row_description (PathwaysPlanRow *row)
{
  const PathwaysProposal *p = pathways_plan_row_get_proposal (row);
  g_autofree char *date = pathways_date_format_uk (p->date);
  g_autofree char *cost = pathways_money_format (p->weekly_cost);

  if (p->unit_id == 0)
    /* Translators: a row of the plan: a name, a date and the need, e.g. "Placement ends at 18" */
    return g_strdup_printf (_("%s, no suitable unit by %s: %s"), p->person_name, date,
                            pathways_need_kind_label (p->need));
  /* Translators: a row of the plan: a name, a unit, a date, a weekly cost and the need */
  return g_strdup_printf (_("%s, to %s on %s, %s a week: %s"), p->person_name, p->unit_name, date, cost,
                          pathways_need_kind_label (p->need));
}

/* The list ------------------------------------------------------------------------------ */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  Column column = GPOINTER_TO_INT (data);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label),
                                 column == COLUMN_PERSON ? 16 :
                                 column == COLUMN_NEED ? 22 :
                                 column == COLUMN_KIND ? 14 : 8);
  /* Room, when the window has it, for the whole of the usual texts
   * ("Housing association", "Supported lodgings", "Placement ends at 18"),
   * and "…" where one is cut short, not a word cut in half */
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label),
                                 column == COLUMN_PERSON ? 20 :
                                 column == COLUMN_UNIT ? 32 :
                                 column == COLUMN_KIND ? 34 :
                                 column == COLUMN_NEED ? 26 :
                                 column == COLUMN_PA ? 18 : 8);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (data) == COLUMN_COST)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  PathwaysPlanRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (row, GPOINTER_TO_INT (data));
  GtkWidget *cell = gtk_widget_get_parent (label);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  /* The whole text at the pointer where it may be cut short (longer than
   * the room the column asks for) */
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (text, -1) > gtk_inscription_get_nat_chars (GTK_INSCRIPTION (label))
                                      ? text : NULL);
  if (pathways_plan_row_get_proposal (row)->unit_id == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  /* Rows are named by what they say (GTK 4.8 has no row label API):
   * each cell by its text, the row by the whole proposal */
  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (GPOINTER_TO_INT (data) == COLUMN_PERSON)
    {
      g_autofree char *description = row_description (row);

      /* now if the cell is in its row, or else when it is shown */
      pathways_row_set_accessible_label (label, description);
    }
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  PathwaysPlanRow *ra = (PathwaysPlanRow *) a, *rb = (PathwaysPlanRow *) b;
  const PathwaysProposal *pa = pathways_plan_row_get_proposal (ra), *pb = pathways_plan_row_get_proposal (rb);
  int c = 0;

  switch (GPOINTER_TO_INT (data))
    {
    case COLUMN_DATE:
      c = g_strcmp0 (pa->date, pb->date);
      break;
    case COLUMN_COST:
      /* No suitable unit last */
      c = (pa->unit_id == 0) - (pb->unit_id == 0);
      if (c == 0)
        c = (pa->weekly_cost > pb->weekly_cost) - (pa->weekly_cost < pb->weekly_cost);
      break;
    case COLUMN_NEED:
      c = (int) pa->need - (int) pb->need;
      break;
    default:
      {
        g_autofree char *ta = cell_text (ra, GPOINTER_TO_INT (data));
        g_autofree char *tb = cell_text (rb, GPOINTER_TO_INT (data));
        c = g_utf8_collate (ta, tb);
      }
      break;
    }
  if (c == 0)
    c = g_strcmp0 (pa->date, pb->date);
  if (c == 0)
    c = g_utf8_collate (pa->person_name, pb->person_name);
  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_column (PathwaysPlanView *self,
            Column            column,
            const char       *title,
            gboolean          expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GINT_TO_POINTER (column), NULL));

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->columns, col);
}

/* The details below the list ------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GArray *selected_ids (PathwaysPlanView *self);

static PathwaysPlanRow *
first_selected (PathwaysPlanView *self,
                guint            *n_selected)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = (guint) gtk_bitset_get_size (set);

  if (n_selected != NULL)
    *n_selected = n;
  if (n == 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (set));
}

static void
fill_detail (PathwaysPlanView *self)
{
  guint n_selected;
  g_autoptr(PathwaysPlanRow) row = first_selected (self, &n_selected);
  const PathwaysProposal *p;
  g_autofree char *need_date = NULL;
  g_autofree char *date = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *first;

  clear_list (self->detail_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.accept-selected", n_selected > 0);
  {
    g_autoptr(GArray) ids = selected_ids (self);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.reject-selected", ids->len > 0);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.reject-selected-because", ids->len > 0);
  }
  if (row == NULL)
    {
      GtkWidget *none = pathways_plan_add_row (self->detail_list, _("Choose a proposal above to see why it was made"), NULL);
      gtk_widget_add_css_class (none, "dim-label");
      return;
    }
  p = pathways_plan_row_get_proposal (row);
  need_date = pathways_date_format_uk (p->need_date);
  date = pathways_date_format_uk (p->date);
  cost = pathways_money_format (p->weekly_cost);

  /* Translators: a need ("Placement ends at 18") and its date */
  subtitle = g_strdup_printf (_("%s on %s"), pathways_need_kind_label (p->need), need_date);
  first = pathways_plan_add_row (self->detail_list, p->person_name, subtitle);
  if (p->unit_id > 0)
    {
      GtkWidget *reject = pathways_plan_button (_("_Turn Down…"), "plan.reject-selected", NULL);
      GtkWidget *accept = pathways_plan_button (_("Acc_ept"), "plan.accept", g_variant_new_int64 (p->person_id));

      gtk_widget_add_css_class (accept, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (first), reject);
      adw_action_row_add_suffix (ADW_ACTION_ROW (first), accept);
    }
  {
    GtkWidget *open = pathways_plan_button (_("_Open"), "win.open-person", g_variant_new_int64 (p->person_id));
    gtk_widget_set_tooltip_text (open, _("Open the young person’s page"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (first), open);
  }

  if (p->unit_id != 0)
    {
      /* Translators: a unit, a date and a weekly cost */
      title = g_strdup_printf (_("To %s on %s, %s a week"), p->unit_name, date, cost);
      pathways_plan_add_row (self->detail_list, title, p->why);
    }
  else
    {
      /* Translators: %s is a date */
      title = g_strdup_printf (_("No suitable unit in the register by %s"), date);
      pathways_plan_add_row (self->detail_list, title, p->what_would_help);
    }
  if (p->months_waited > 0)
    {
      g_autofree char *late = g_strdup_printf (ngettext ("Met %d month after the need arises",
                                                         "Met %d months after the need arises", p->months_waited),
                                               p->months_waited);
      pathways_plan_add_row (self->detail_list, late, NULL);
    }
  for (guint i = 0; p->alternatives != NULL && i < p->alternatives->len; i++)
    {
      const PathwaysPlanAlternative *a = g_ptr_array_index (p->alternatives, i);
      g_autofree char *alt_title = NULL;
      g_autofree char *alt_sub = NULL;

      /* Translators: %s is a unit; this is the next-best choice */
      alt_title = g_strdup_printf (_("Instead: %s"), a->unit_name);
      if (a->taken)
        alt_sub = g_strdup_printf (ngettext ("%d point worse; the plan gives it to someone else",
                                             "%d points worse; the plan gives it to someone else",
                                             (gulong) a->extra),
                                   (int) a->extra);
      else
        alt_sub = g_strdup_printf (ngettext ("%d point worse", "%d points worse", (gulong) a->extra),
                                   (int) a->extra);
      pathways_plan_add_row (self->detail_list, alt_title, alt_sub);
    }
  if (n_selected > 1)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u proposal selected: Accept Selected schedules them all",
                                                         "%u proposals selected: Accept Selected schedules them all",
                                                         n_selected),
                                               n_selected);
      pathways_plan_add_row (self->detail_list, more, NULL);
    }
}

static void
fill_commissions (PathwaysPlanView *self,
                  PathwaysPlan     *plan)
{
  clear_list (self->commission_list);
  for (guint i = 0; i < plan->commissions->len; i++)
    {
      const PathwaysCommission *c = g_ptr_array_index (plan->commissions, i);
      g_autofree char *by = pathways_date_format_uk (c->by);
      /* Translators: %s is a date */
      g_autofree char *sub = g_strdup_printf (_("The first of them needs it by %s"), by);

      pathways_plan_add_row (self->commission_list, c->text, sub);
    }
  if (plan->commissions->len == 0)
    gtk_widget_add_css_class (pathways_plan_add_row (self->commission_list,
                                       _("Nothing: every need in the plan has a unit in the register"), NULL),
                              "dim-label");
}

static void
fill_summary (PathwaysPlanView *self,
              PathwaysPlan     *plan)
{
  g_autofree char *today = pathways_date_format_uk (plan->today);
  g_autofree char *cost = pathways_money_format (plan->weekly_cost);
  g_autofree char *from = g_strdup_printf (ngettext ("From %s, over %d month", "From %s, over %d months", plan->months),
                                           today, plan->months);
  g_autofree char *moves = g_strdup_printf (ngettext ("%d move proposed", "%d moves proposed", plan->n_moves),
                                            plan->n_moves);
  g_autofree char *unmet = g_strdup_printf (ngettext ("%d young person with no suitable unit",
                                                      "%d young people with no suitable unit", plan->n_unmet),
                                            plan->n_unmet);
  g_autofree char *late = g_strdup_printf (ngettext ("%d met late", "%d met late", plan->n_late), plan->n_late);
  g_autofree char *kept = g_strdup_printf (ngettext ("%d confirmed move kept", "%d confirmed moves kept", plan->n_kept),
                                           plan->n_kept);
  /* Translators: %s is an amount of money */
  g_autofree char *weekly = g_strdup_printf (_("%s a week in all"), cost);
  g_autofree char *text = g_strjoin (" · ", from, moves, unmet, late, kept, weekly, NULL);

  gtk_label_set_text (self->summary_label, text);
}

static void
fill_weights (PathwaysPlanView *self,
              PathwaysPlan     *plan)
{
  g_autoptr(GHashTable) settings = NULL;
  const char *role = pathways_context_get_role (self->context);
  gboolean may = pathways_role_may (role, PATHWAYS_MAY_EDIT_REFERENCE);

  if (self->store == NULL)
    return;
  /* Read on the main thread: a dozen rows, already cached by the store */
  settings = pathways_store_dup_settings (self->store, NULL);
  self->filling_weights = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (weight_keys); i++)
    {
      gint64 value = pathways_setting_int_or_default (weight_keys[i],
                                                      settings ? g_hash_table_lookup (settings, weight_keys[i]) : NULL);

      gtk_spin_button_set_value (self->weight_spins[i], (double) value);
      gtk_widget_set_sensitive (GTK_WIDGET (self->weight_spins[i]), may);
    }
  self->filling_weights = FALSE;
}

/* Following the service ------------------------------------------------------------ */

static void
update_running (PathwaysPlanView *self)
{
  gboolean running = pathways_plan_service_get_running (self->service);
  double fraction = pathways_plan_service_get_progress (self->service);

  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_progress_bar_set_fraction (self->progress, fraction);
  gtk_progress_bar_set_fraction (self->first_progress, fraction);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.cancel", running);
  /* The first plan: the whole page waits; later ones keep the last plan on screen */
  if (running && pathways_plan_service_get_plan (self->service) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "running");
}

static void
service_updated_cb (PathwaysPlanView    *self,
                    PathwaysPlanService *service)
{
  PathwaysPlan *plan = pathways_plan_service_get_plan (service);
  const GError *error = pathways_plan_service_get_error (service);

  update_running (self);
  if (pathways_plan_service_get_running (service))
    return;
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_summary (self, plan);
  fill_commissions (self, plan);
  fill_weights (self, plan);
  fill_detail (self);
  gtk_stack_set_visible_child_name (self->stack, plan->proposals->len > 0 ? "plan" : "nothing");
}

static void
selection_changed_cb (PathwaysPlanView  *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  fill_detail (self);
}

static void
row_activated_cb (PathwaysPlanView *self,
                  guint             position,
                  GtkColumnView    *view)
{
  g_autoptr(PathwaysPlanRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-person", "x",
                                pathways_plan_row_get_proposal (row)->person_id);
}

static void
weight_changed_cb (GtkSpinButton *spin,
                   gpointer       data)
{
  PathwaysPlanView *self = data;

  if (self->filling_weights)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (weight_keys); i++)
    if (self->weight_spins[i] == spin)
      gtk_widget_activate_action (GTK_WIDGET (self), "plan.set-weight", "(si)", weight_keys[i],
                                  (gint32) gtk_spin_button_get_value_as_int (spin));
}

/* Actions ------------------------------------------------------------------------------- */

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pathways_plan_service_run (PATHWAYS_PLAN_VIEW (widget)->service);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pathways_plan_service_cancel (PATHWAYS_PLAN_VIEW (widget)->service);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  pathways_plan_service_accept (PATHWAYS_PLAN_VIEW (widget)->service, &id, 1);
}

/* The young people of the selected proposals that have a unit */
static GArray *
selected_ids (PathwaysPlanView *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(PathwaysPlanRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      const PathwaysProposal *p = pathways_plan_row_get_proposal (row);

      if (p->unit_id > 0)
        g_array_append_val (ids, p->person_id);
    }
  return ids;
}

static void
accept_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  if (ids->len == 0)
    {
      pathways_context_show_message (self->context, _("None of the selected proposals has a unit to move to."));
      return;
    }
  pathways_plan_service_accept (self->service, (const gint64 *) ids->data, ids->len);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gint64 id;
  const char *reason;

  g_variant_get (parameter, "(x&s)", &id, &reason);
  pathways_plan_service_reject (PATHWAYS_PLAN_VIEW (widget)->service, id, reason);
}

/* The selected proposals, all with one reason (what the dialog does) */
static void
reject_many_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  pathways_plan_service_reject_many (self->service, (const gint64 *) ids->data, ids->len,
                                     g_variant_get_string (parameter, NULL));
}

static void
reject_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  pathways_plan_service_ask_reject_many (self->service, widget, (const gint64 *) ids->data, ids->len);
}

static void
set_weight_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PathwaysPlanView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pathways_store_set_setting_finish (PATHWAYS_STORE (source), result, &error) && self->context != NULL)
    pathways_context_show_error (self->context, error);
}

static void
set_weight_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (widget);
  const char *key;
  gint32 value;
  g_autofree char *text = NULL;
  g_autofree char *why = pathways_role_dup_refusal (pathways_context_get_role (self->context),
                                                    PATHWAYS_MAY_EDIT_REFERENCE);

  g_variant_get (parameter, "(&si)", &key, &value);
  if (self->store == NULL)
    return;
  if (why != NULL)
    {
      pathways_context_show_message (self->context, why);
      return;
    }
  text = g_strdup_printf ("%d", value);
  pathways_store_set_setting_async (self->store, key, text, NULL, set_weight_done_cb, g_object_ref (self));
}

static void
what_if_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = pathways_what_if_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The first time the page is on screen with a store, it plans: pressing
 * Plan is all a manager has to do */
static void
maybe_plan_first_time (PathwaysPlanView *self)
{
  if (self->planned_once || self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->planned_once = TRUE;
  if (pathways_plan_service_get_plan (self->service) == NULL && !pathways_plan_service_get_running (self->service))
    pathways_plan_service_run (self->service);
}

static void
pathways_plan_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pathways_plan_view_parent_class)->map (widget);
  maybe_plan_first_time (PATHWAYS_PLAN_VIEW (widget));
}

/* PathwaysPage ----------------------------------------------------------------------------- */

static void
pathways_plan_view_load (PathwaysPage  *page,
                         PathwaysStore *store)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (page);

  g_set_object (&self->store, store);
  service_updated_cb (self, self->service);
  maybe_plan_first_time (self);
}

static void
pathways_plan_view_changed (PathwaysPage    *page,
                            PathwaysChanges *changes)
{
  /* The service plans again itself; the weights shown follow the settings */
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (page);

  if (pathways_changes_has_table (changes, "setting") || pathways_changes_is_everything (changes))
    fill_weights (self, NULL);
}

static const char *
pathways_plan_view_get_title (PathwaysPage *page)
{
  return _("Plan");
}

static const char *
pathways_plan_view_get_icon_name (PathwaysPage *page)
{
  return "view-list-bullet-symbolic";
}

static void
pathways_plan_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_plan_view_load;
  iface->changed = pathways_plan_view_changed;
  iface->get_title = pathways_plan_view_get_title;
  iface->get_icon_name = pathways_plan_view_get_icon_name;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
pathways_plan_view_dispose (GObject *object)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (object);

  pathways_page_detach (PATHWAYS_PAGE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PLAN_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_plan_view_parent_class)->dispose (object);
}

static void
pathways_plan_view_constructed (GObject *object)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (object);
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkSorter *sorter;

  G_OBJECT_CLASS (pathways_plan_view_parent_class)->constructed (object);
  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));

  self->service = g_object_ref (pathways_plan_service_get_for_context (self->context));
  sorter = gtk_column_view_get_sorter (self->columns);
  sorted = gtk_sort_list_model_new (g_object_ref (pathways_plan_service_get_rows (self->service)),
                                    sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->columns, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "updated", G_CALLBACK (service_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "notify::progress", G_CALLBACK (update_running), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "notify::running", G_CALLBACK (update_running), self,
                           G_CONNECT_SWAPPED);
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_plan_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (object);

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
pathways_plan_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PathwaysPlanView *self = PATHWAYS_PLAN_VIEW (object);

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
pathways_plan_view_class_init (PathwaysPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_plan_view_constructed;
  object_class->dispose = pathways_plan_view_dispose;
  object_class->get_property = pathways_plan_view_get_property;
  object_class->set_property = pathways_plan_view_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  widget_class->map = pathways_plan_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (PATHWAYS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, progress);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, first_progress);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, columns);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, detail_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, detail_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, commission_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPlanView, weight_list);

  gtk_widget_class_install_action (widget_class, "plan.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "plan.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "plan.accept", "x", accept_action);
  gtk_widget_class_install_action (widget_class, "plan.accept-selected", NULL, accept_selected_action);
  gtk_widget_class_install_action (widget_class, "plan.reject", "(xs)", reject_action);
  gtk_widget_class_install_action (widget_class, "plan.reject-selected", NULL, reject_selected_action);
  gtk_widget_class_install_action (widget_class, "plan.reject-selected-because", "s", reject_many_action);
  gtk_widget_class_install_action (widget_class, "plan.what-if", NULL, what_if_action);
  gtk_widget_class_install_action (widget_class, "plan.set-weight", "(si)", set_weight_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "plan.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "plan.accept-selected", NULL);
}

static void
pathways_plan_view_init (PathwaysPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, COLUMN_PERSON, _("Young Person"), FALSE);
  add_column (self, COLUMN_DATE, _("Moves On"), FALSE);
  add_column (self, COLUMN_UNIT, _("To"), TRUE);
  add_column (self, COLUMN_KIND, _("Kind"), FALSE);
  add_column (self, COLUMN_COST, _("Weekly Cost"), FALSE);
  add_column (self, COLUMN_NEED, _("Why They Move"), FALSE);
  add_column (self, COLUMN_PA, _("Personal Adviser"), FALSE);
  g_signal_connect_object (self->columns, "activate", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (weight_keys); i++)
    {
      const PathwaysSettingInfo *info = pathways_setting_lookup (weight_keys[i]);
      const char *title = g_dgettext (GETTEXT_PACKAGE, info->label);
      GtkWidget *row = pathways_plan_add_row (self->weight_list, title, g_dgettext (GETTEXT_PACKAGE, info->meaning));
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);

      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      self->weight_spins[i] = GTK_SPIN_BUTTON (spin);
      g_signal_connect (spin, "value-changed", G_CALLBACK (weight_changed_cb), self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.cancel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.accept-selected", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.reject-selected", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.reject-selected-because", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API ------------------------------------------------------------------------------------- */

GtkWidget *
pathways_plan_view_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  return g_object_new (PATHWAYS_TYPE_PLAN_VIEW, "context", context, NULL);
}

const char *
pathways_plan_view_get_visible_page (PathwaysPlanView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkSelectionModel *
pathways_plan_view_get_selection (PathwaysPlanView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PLAN_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}
