/* pathways-destination-list.c — "Where could they go?"
 *
 * The units of the register ranked for one young person on a date (by
 * default the day they need to move), by the same core function and
 * score as "Who could live here?" on a unit's page, each with its
 * verdict and reasons.  Ranking runs in a worker thread.
 *
 * Signals: "unit-activated" (a row was opened) and "schedule-requested"
 * (the "Schedule Move" button of a row, with the unit and the date), for
 * the page that holds the list to open the unit or the scheduling dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-destination-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pathways-destination-list.h"
#include "pathways-destination-list-private.h"
#include "pathways-widgets.h"

#define PAGE_SIZE 10

struct _PathwaysDestinationList
{
  GtkWidget parent_instance;

  PathwaysStore *store;
  gint64         person_id;
  char          *date;           /* the day ranked for (ISO) */
  gboolean       date_is_chosen; /* FALSE: the need date */
  GListModel    *destinations;
  GCancellable  *cancellable;
  guint          loading;
  guint          n_shown;

  /* Template widgets */
  GtkEntry   *date_entry;
  GtkLabel   *intro_label;
  GtkStack   *stack;
  GtkSpinner *spinner;
  GtkLabel   *empty_label;
  GtkListBox *list;
  GtkButton  *more_button;
};

G_DEFINE_FINAL_TYPE (PathwaysDestinationList, pathways_destination_list, GTK_TYPE_WIDGET)

enum {
  UNIT_ACTIVATED,
  SCHEDULE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
make_row (PathwaysDestinationList *self,
          PathwaysRecord          *d)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (pathways_record_get_string (d, "name"));
  GtkWidget *verdict = gtk_label_new (pathways_record_get_string (d, "verdict-label"));
  GtkWidget *facts_label, *button, *score_label;
  gint64 v = pathways_record_get_int (d, "verdict");
  const char *reasons = pathways_record_get_string (d, "reasons");
  const char *from = pathways_record_get_string (d, "available-from");
  g_autofree char *cost = pathways_money_format (pathways_record_get_int (d, "weekly-cost"));
  g_autofree char *facts = NULL;
  g_autofree char *a11y = NULL;
  const char *area = pathways_record_get_string (d, "area");

  g_object_set_data_full (G_OBJECT (row), "unit-id",
                          g_memdup2 (&(gint64) { pathways_record_get_int (d, "unit-id") }, sizeof (gint64)), g_free);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (top), name);
  gtk_widget_add_css_class (verdict, "status-pill");
  gtk_widget_add_css_class (verdict, v == PATHWAYS_VERDICT_ELIGIBLE ? "success"
                                     : v == PATHWAYS_VERDICT_WARNINGS ? "warning" : "error");
  gtk_box_append (GTK_BOX (top), verdict);
  score_label = pathways_score_label_new (pathways_record_get_int (d, "score"),
                                         pathways_record_get_string (d, "score-terms"));
  gtk_box_append (GTK_BOX (top), score_label);
  gtk_box_append (GTK_BOX (text), top);

  if (from != NULL)
    {
      g_autofree char *uk = pathways_date_format_uk (from);
      /* Translators: kind of unit, area, weekly cost, and the day it is free from */
      facts = g_strdup_printf (_("%s · %s · %s a week · free from %s"),
                               pathways_record_get_string (d, "kind-label"), area ? area : "—", cost, uk);
    }
  else
    /* Translators: kind of unit, area and weekly cost of a unit not coming free */
    facts = g_strdup_printf (_("%s · %s · %s a week · not coming free"),
                             pathways_record_get_string (d, "kind-label"), area ? area : "—", cost);
  facts_label = gtk_label_new (facts);
  gtk_label_set_xalign (GTK_LABEL (facts_label), 0);
  gtk_label_set_wrap (GTK_LABEL (facts_label), TRUE);
  gtk_widget_add_css_class (facts_label, "caption");
  gtk_box_append (GTK_BOX (text), facts_label);

  if (reasons != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (reasons, "\n", -1);
      GString *s = g_string_new (NULL);
      GtkWidget *reasons_label;

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (s, "%s• %s", i ? "\n" : "", lines[i]);
      reasons_label = gtk_label_new (s->str);
      g_string_free (s, TRUE);
      gtk_label_set_xalign (GTK_LABEL (reasons_label), 0);
      gtk_label_set_wrap (GTK_LABEL (reasons_label), TRUE);
      gtk_widget_add_css_class (reasons_label, "dim-label");
      gtk_box_append (GTK_BOX (text), reasons_label);
    }
  gtk_box_append (GTK_BOX (box), text);

  /* The page's one suggested action is its own "Schedule Move…": a row's
   * button is a plain one, named for the unit */
  button = gtk_button_new_with_label (_("Schedule…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "destinations.schedule");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", pathways_record_get_int (d, "unit-id"));
  /* Translators: accessible name of the button on a unit's row */
  a11y = g_strdup_printf (_("Schedule a move to %s"), pathways_record_get_string (d, "name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_sensitive (button, v != PATHWAYS_VERDICT_NOT_ELIGIBLE);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  {
    /* Translators: a ranked unit for a screen reader: its name and the verdict, "5 Larch Road, Open" */
    g_autofree char *row_name = g_strdup_printf (_("%1$s, %2$s"), pathways_record_get_string (d, "name"),
                                                 pathways_record_get_string (d, "verdict-label"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_name,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, facts, -1);
    /* That label alone: libadwaita 1.2 labels an action row by its title as well */
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  }
  return row;
}

static void
show_destinations (PathwaysDestinationList *self)
{
  guint n = self->destinations ? g_list_model_get_n_items (self->destinations) : 0;
  g_autofree char *uk = self->date ? pathways_date_format_uk (self->date) : NULL;
  g_autofree char *intro = NULL;
  GtkWidget *child;
  guint shown;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (uk != NULL)
    {
      if (self->date_is_chosen)
        /* Translators: %s is a date */
        intro = g_strdup_printf (_("Units ranked for a move on %s: those open under the rules first, "
                                   "then by how well they fit. Each one’s reasons are listed."), uk);
      else
        intro = g_strdup_printf (_("Units ranked for %s, the day they need to move: those open under the rules "
                                   "first, then by how well they fit. Each one’s reasons are listed."), uk);
      gtk_label_set_label (self->intro_label, intro);
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), uk);
    }

  if (n == 0)
    {
      gtk_label_set_label (self->empty_label, _("There are no units in the register yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  shown = MIN (n, self->n_shown);
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (self->destinations, i);
      gtk_list_box_append (self->list, make_row (self, d));
    }
  if (shown < n)
    {
      guint more = MIN (n - shown, PAGE_SIZE);
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u More", "Show %u More", more), more);
      gtk_button_set_label (self->more_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), shown < n);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

typedef struct {
  gint64  person_id;
  char   *date;
  char   *used_date;
} RankRequest;

static void
rank_request_free (gpointer data)
{
  RankRequest *r = data;

  g_free (r->date);
  g_free (r->used_date);
  g_free (r);
}

static void
rank_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RankRequest *r = task_data;
  GError *error = NULL;
  GListModel *model;

  if (g_task_return_error_if_cancelled (task))
    return;
  model = pathways_stock_rank_units (source, r->person_id, r->date, &r->used_date, &error);
  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

static void
ranked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysDestinationList) self = user_data;
  RankRequest *r = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GListModel *model;

  self->loading--;
  model = g_task_propagate_pointer (G_TASK (result), &error);
  if (model == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_label (self->empty_label, error->message);
          gtk_stack_set_visible_child_name (self->stack, "empty");
          gtk_spinner_set_spinning (self->spinner, FALSE);
        }
      return;
    }
  g_clear_object (&self->destinations);
  self->destinations = model;
  g_free (self->date);
  self->date = g_strdup (r->used_date);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  show_destinations (self);
}

/* Callbacks */

static void
date_changed_cb (PathwaysDestinationList *self,
                 GtkEntry                *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
date_activate_cb (PathwaysDestinationList *self,
                  GtkEntry                *entry)
{
  g_autofree char *iso = pathways_date_entry_read (GTK_EDITABLE (entry));

  if (iso != NULL)
    pathways_destination_list_set_date (self, iso);
}

static void
row_activated_cb (PathwaysDestinationList *self,
                  GtkListBoxRow           *row,
                  GtkListBox              *list)
{
  gint64 *unit_id = g_object_get_data (G_OBJECT (row), "unit-id");

  if (unit_id != NULL)
    g_signal_emit (self, signals[UNIT_ACTIVATED], 0, *unit_id);
}

/* Actions */

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PathwaysDestinationList *self = PATHWAYS_DESTINATION_LIST (widget);

  g_signal_emit (self, signals[SCHEDULE_REQUESTED], 0, g_variant_get_int64 (parameter), self->date);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwaysDestinationList *self = PATHWAYS_DESTINATION_LIST (widget);

  self->n_shown += PAGE_SIZE;
  show_destinations (self);
}

static void
need_date_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  pathways_destination_list_set_date (PATHWAYS_DESTINATION_LIST (widget), NULL);
}

/* GObject overrides */

static void
pathways_destination_list_dispose (GObject *object)
{
  PathwaysDestinationList *self = PATHWAYS_DESTINATION_LIST (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_DESTINATION_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->destinations);

  G_OBJECT_CLASS (pathways_destination_list_parent_class)->dispose (object);
}

static void
pathways_destination_list_finalize (GObject *object)
{
  PathwaysDestinationList *self = PATHWAYS_DESTINATION_LIST (object);

  g_free (self->date);

  G_OBJECT_CLASS (pathways_destination_list_parent_class)->finalize (object);
}

static void
pathways_destination_list_class_init (PathwaysDestinationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_destination_list_dispose;
  object_class->finalize = pathways_destination_list_finalize;

  /**
   * PathwaysDestinationList::unit-activated:
   * @unit_id: the unit whose row was opened
   */
  signals[UNIT_ACTIVATED] = g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * PathwaysDestinationList::schedule-requested:
   * @unit_id: the unit
   * @date: the day ranked for (ISO)
   */
  signals[SCHEDULE_REQUESTED] = g_signal_new ("schedule-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                              NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-destination-list.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysDestinationList, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwaysDestinationList, intro_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysDestinationList, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysDestinationList, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysDestinationList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysDestinationList, list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysDestinationList, more_button);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "destinations.schedule", "x", schedule_action);
  gtk_widget_class_install_action (widget_class, "destinations.show-more", NULL, show_more_action);
  gtk_widget_class_install_action (widget_class, "destinations.need-date", NULL, need_date_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "destinationlist");
}

static void
pathways_destination_list_init (PathwaysDestinationList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->n_shown = PAGE_SIZE;
}

/* Public API */

GtkWidget *
pathways_destination_list_new (void)
{
  return g_object_new (PATHWAYS_TYPE_DESTINATION_LIST, NULL);
}

/**
 * pathways_destination_list_set_person:
 *
 * Ranks the units for @young_person_id on the day they need to move.
 */
void
pathways_destination_list_set_person (PathwaysDestinationList *self,
                                      PathwaysStore           *store,
                                      gint64                   young_person_id)
{
  g_return_if_fail (PATHWAYS_IS_DESTINATION_LIST (self));
  g_return_if_fail (PATHWAYS_IS_STORE (store));

  g_set_object (&self->store, store);
  self->person_id = young_person_id;
  pathways_destination_list_set_date (self, NULL);
}

/**
 * pathways_destination_list_set_date:
 * @iso: (nullable): the day of the move, or %NULL for the day the young
 *   person needs to move
 */
void
pathways_destination_list_set_date (PathwaysDestinationList *self,
                                    const char              *iso)
{
  g_return_if_fail (PATHWAYS_IS_DESTINATION_LIST (self));

  g_free (self->date);
  self->date = g_strdup (iso);
  self->date_is_chosen = iso != NULL;
  pathways_destination_list_reload (self);
}

void
pathways_destination_list_reload (PathwaysDestinationList *self)
{
  g_autoptr(GTask) task = NULL;
  RankRequest *r;

  g_return_if_fail (PATHWAYS_IS_DESTINATION_LIST (self));

  if (self->store == NULL || self->person_id == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->n_shown = PAGE_SIZE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  r = g_new0 (RankRequest, 1);
  r->person_id = self->person_id;
  r->date = self->date_is_chosen ? g_strdup (self->date) : NULL;
  task = g_task_new (self->store, self->cancellable, ranked_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_destination_list_reload);
  g_task_set_task_data (task, r, rank_request_free);
  self->loading++;
  g_task_run_in_thread (task, rank_thread);
}

/**
 * pathways_destination_list_get_date:
 *
 * Returns: (nullable): the day ranked for (ISO)
 */
const char *
pathways_destination_list_get_date (PathwaysDestinationList *self)
{
  g_return_val_if_fail (PATHWAYS_IS_DESTINATION_LIST (self), NULL);

  return self->date;
}

/**
 * pathways_destination_list_get_destinations:
 *
 * Returns: (transfer none) (nullable): PathwaysDestination, best first
 */
GListModel *
pathways_destination_list_get_destinations (PathwaysDestinationList *self)
{
  g_return_val_if_fail (PATHWAYS_IS_DESTINATION_LIST (self), NULL);

  return self->destinations;
}

gboolean
pathways_destination_list_is_loading (PathwaysDestinationList *self)
{
  g_return_val_if_fail (PATHWAYS_IS_DESTINATION_LIST (self), FALSE);

  return self->loading > 0;
}
