/* pathways-move-dialog.c — scheduling a young person's move
 *
 * Choose a day, then a unit of the register (each with the rules'
 * verdict for this young person on that day; the ones they cannot have
 * are greyed out with the reasons) or an address outside it.  The
 * planner checks the choice as it changes; warnings can be accepted with
 * a reason, rules that block cannot.  Loading the destinations, checking
 * and scheduling run in worker threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-move-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-move-dialog.h"
#include "pathways-move-dialog-private.h"
#include "pathways-row-name.h"

struct _PathwaysMoveDialog
{
  AdwWindow parent_instance;

  PathwaysContext     *context;
  gint64               person_id;
  gint64               staff_id;
  char                *date;       /* ISO, or NULL while the typed date is not one */
  gint64               unit_id;
  GListModel          *destinations;
  PathwaysEligibility *check;
  GCancellable        *cancellable;
  guint                destinations_generation;
  guint                check_generation;
  guint                pending;    /* tasks under way */
  gboolean             scheduling;
  GListModel          *accom_codes; /* PathwaysRefCode: the ACCOM letters, NULL while loading */
  gint64               weekly_cost; /* pence, for an address outside the register */
  gboolean             cost_valid;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  AdwEntryRow        *date_row;
  GtkLabel           *date_error_label;
  GtkStack           *dest_stack;
  GtkSearchEntry     *dest_search;
  GtkLabel           *dest_status_label;
  GtkListView        *dest_list;
  AdwEntryRow        *address_row;
  AdwComboRow        *accom_row;
  AdwActionRow       *suitable_row;
  GtkSwitch          *suitable_switch;
  AdwEntryRow        *cost_row;
  GtkLabel           *cost_error_label;
  GtkListBox         *checks_list;
  AdwEntryRow        *reason_row;
  AdwEntryRow        *note_row;
  GtkLabel           *error_label;

  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkStringFilter    *search_filter;
};

G_DEFINE_FINAL_TYPE (PathwaysMoveDialog, pathways_move_dialog, ADW_TYPE_WINDOW)

enum {
  SCHEDULED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  gint64  person_id;
  char   *date;
  gint64  unit_id;
  char   *address;
  char   *accom;
  int     accom_suitable;
  gint64  weekly_cost;
  gint64  staff_id;
  char   *note;
  char   *reason;
} RequestData;

typedef struct {
  PathwaysChangeSet *undo;
  gint64             transition_id;
} ScheduleResult;

/* Helpers */

static void
request_data_free (gpointer data)
{
  RequestData *r = data;

  g_free (r->date);
  g_free (r->address);
  g_free (r->accom);
  g_free (r->note);
  g_free (r->reason);
  g_free (r);
}

static void
schedule_result_free (gpointer data)
{
  ScheduleResult *r = data;

  g_clear_pointer (&r->undo, pathways_change_set_unref);
  g_free (r);
}

static void
request_from (const RequestData   *r,
              PathwaysMoveRequest *req)
{
  memset (req, 0, sizeof *req);
  req->young_person_id = r->person_id;
  req->date = r->date;
  req->unit_id = r->unit_id;
  req->address = r->address;
  req->accom = r->accom;
  req->accom_suitable = r->accom_suitable;
  req->weekly_cost = r->weekly_cost;
  req->scheduled_by = r->staff_id;
  req->note = r->note;
  req->accepted_warnings = r->reason;
}

static char *
nonblank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static gboolean
on_register_page (PathwaysMoveDialog *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->dest_stack), "register") == 0;
}

/* The ACCOM letter chosen for an address outside the register, or NULL */
static PathwaysRefCode *
chosen_accom (PathwaysMoveDialog *self)
{
  guint i = adw_combo_row_get_selected (self->accom_row);

  if (self->accom_codes == NULL || i >= g_list_model_get_n_items (self->accom_codes))
    return NULL;
  return g_list_model_get_item (self->accom_codes, i);
}

static RequestData *
make_request (PathwaysMoveDialog *self)
{
  RequestData *r = g_new0 (RequestData, 1);

  r->person_id = self->person_id;
  r->date = g_strdup (self->date);
  if (on_register_page (self))
    r->unit_id = self->unit_id;
  else
    {
      g_autoptr(PathwaysRefCode) code = chosen_accom (self);

      r->address = nonblank (gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
      r->accom = code ? g_strdup (pathways_ref_code_get_code (code)) : NULL;
      r->accom_suitable = gtk_switch_get_active (self->suitable_switch) ? 1 : 2;
      r->weekly_cost = self->weekly_cost;
    }
  r->staff_id = self->staff_id;
  r->note = nonblank (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  r->reason = nonblank (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  return r;
}

static void
clear_list_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static void
busy_changed (PathwaysMoveDialog *self,
              int                 delta)
{
  g_assert (delta > 0 || self->pending > 0);
  self->pending += delta;
}

static void
update_actions (PathwaysMoveDialog *self)
{
  gboolean can = !self->scheduling && self->check != NULL && self->check->verdict != PATHWAYS_VERDICT_NOT_ELIGIBLE &&
                 (on_register_page (self) || self->cost_valid);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "move.schedule", can);
}

static void
add_check_row (PathwaysMoveDialog *self,
               const char         *icon,
               const char         *css_class,
               const char         *title,
               const char         *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (css_class != NULL)
    gtk_widget_add_css_class (image, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  subtitle ? subtitle : title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_list_box_append (self->checks_list, row);
}

static void
show_check (PathwaysMoveDialog *self)
{
  PathwaysEligibility *e = self->check;

  clear_list_box (self->checks_list);

  if (e == NULL)
    {
      add_check_row (self, "dialog-information-symbolic", "dim-label",
                     _("Choose a date and a destination to check the move"), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_row), FALSE);
      update_actions (self);
      return;
    }

  for (guint i = 0; i < e->reasons->len; i++)
    {
      const PathwaysReason *r = g_ptr_array_index (e->reasons, i);

      switch (r->severity)
        {
        case PATHWAYS_SEVERITY_HIGH:
          add_check_row (self, "action-unavailable-symbolic", "error", r->text, _("Blocks the move"));
          break;
        case PATHWAYS_SEVERITY_MEDIUM:
        case PATHWAYS_SEVERITY_LOW:
          add_check_row (self, "dialog-warning-symbolic", "warning", r->text, _("Warning: can be accepted with a reason"));
          break;
        case PATHWAYS_SEVERITY_INFO:
        default:
          add_check_row (self, "dialog-information-symbolic", "dim-label", r->text, NULL);
          break;
        }
    }
  if (e->verdict == PATHWAYS_VERDICT_ELIGIBLE)
    add_check_row (self, "object-select-symbolic", "success", _("No rule stands in the way of this move"), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), e->verdict == PATHWAYS_VERDICT_WARNINGS);
  update_actions (self);
}

/* Checks ----------------------------------------------------------- */

/* A load's dialog, and which of the dialog's loads it was */
typedef struct {
  PathwaysMoveDialog *self;
  guint               generation;
} Waiting;

static Waiting *
waiting_new (PathwaysMoveDialog *self,
             guint               generation)
{
  Waiting *w = g_new0 (Waiting, 1);

  w->self = g_object_ref (self);
  w->generation = generation;
  return w;
}

static void
waiting_free (Waiting *w)
{
  g_object_unref (w->self);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Waiting, waiting_free)

static PathwaysStore *
get_store (PathwaysMoveDialog *self)
{
  return self->context ? pathways_context_get_store (self->context) : NULL;
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Waiting) w = user_data;
  PathwaysMoveDialog *self = w->self;
  g_autoptr(GError) error = NULL;
  PathwaysEligibility *e;
  guint generation = w->generation;

  e = pathways_planner_check_move_finish (PATHWAYS_STORE (source), result, &error);
  busy_changed (self, -1);
  if (generation != self->check_generation)
    {
      g_clear_pointer (&e, pathways_eligibility_free);
      return;
    }
  g_clear_pointer (&self->check, pathways_eligibility_free);
  self->check = e;
  if (e == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_label (self->error_label, error->message);
  else
    gtk_label_set_label (self->error_label, "");
  show_check (self);
}

static void
run_check (PathwaysMoveDialog *self)
{
  RequestData *r;
  PathwaysMoveRequest req;

  self->check_generation++;
  g_clear_pointer (&self->check, pathways_eligibility_free);
  gtk_label_set_label (self->error_label, "");

  r = make_request (self);
  if (r->date == NULL || (r->unit_id == 0 && r->address == NULL))
    {
      request_data_free (r);
      show_check (self);
      return;
    }

  update_actions (self);
  request_from (r, &req);
  busy_changed (self, +1);
  /* (the request is copied by the call) */
  pathways_planner_check_move_async (get_store (self), &req, self->cancellable, check_done_cb,
                                     waiting_new (self, self->check_generation));
  request_data_free (r);
}

/* Destinations ----------------------------------------------------- */

static void
update_dest_status (PathwaysMoveDialog *self)
{
  guint open = 0, n;

  if (self->date == NULL)
    {
      gtk_label_set_label (self->dest_status_label, _("Enter the date of the move to see which units are open."));
      return;
    }
  if (self->destinations == NULL)
    {
      gtk_label_set_label (self->dest_status_label, _("Checking every unit…"));
      return;
    }
  {
    /* The count is of the units shown: those matching the search, if any */
    const char *search = gtk_string_filter_get_search (self->search_filter);
    gboolean searching = search != NULL && *search != '\0';
    GListModel *shown = searching ? G_LIST_MODEL (self->filter_model) : self->destinations;
    g_autofree char *text = NULL;

    n = g_list_model_get_n_items (shown);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PathwaysRecord) d = g_list_model_get_item (shown, i);
        open += pathways_record_get_int (d, "verdict") != PATHWAYS_VERDICT_NOT_ELIGIBLE;
      }
    if (searching)
      /* Translators: "2 of the 5 units matching the search are open to them on that day" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of the %u unit matching the search is open to them on that day",
                                           "%u of the %u units matching the search are open to them on that day", n),
                              open, n);
    else
      /* Translators: "12 of 340 units are open to them on that day" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u unit is open to them on that day",
                                           "%u of %u units are open to them on that day", n), open, n);
    gtk_label_set_label (self->dest_status_label, text);
  }
}

static void
destinations_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Waiting) w = user_data;
  PathwaysMoveDialog *self = w->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  guint generation = w->generation;

  /* Every unit ranked for the day: pathways_planner_list_destinations() */
  model = pathways_stock_rank_finish (PATHWAYS_STORE (source), result, NULL, &error);
  busy_changed (self, -1);
  if (generation != self->destinations_generation)
    return;
  if (model == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->dest_status_label, error->message);
      return;
    }

  g_set_object (&self->destinations, model);
  gtk_filter_list_model_set_model (self->filter_model, model);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_dest_status (self);

  /* The unit chosen before the date changed, if it is still there */
  if (self->unit_id != 0)
    pathways_move_dialog_select_unit (self, self->unit_id);
}

static void
load_destinations (PathwaysMoveDialog *self)
{
  self->destinations_generation++;
  g_clear_object (&self->destinations);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  update_dest_status (self);
  if (self->date == NULL)
    return;

  busy_changed (self, +1);
  pathways_stock_rank_units_async (get_store (self), self->person_id, self->date, self->cancellable,
                                   destinations_done_cb, waiting_new (self, self->destinations_generation));
}

/* Scheduling ------------------------------------------------------- */

static void
schedule_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(PathwaysMoveDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ScheduleResult *result = g_new0 (ScheduleResult, 1);

  if (!pathways_planner_schedule_move_finish (PATHWAYS_STORE (source), res, &result->transition_id,
                                              &result->undo, &error))
    g_clear_pointer (&result, schedule_result_free);
  busy_changed (self, -1);
  self->scheduling = FALSE;
  update_actions (self);

  if (result == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NEEDS_REASON))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->reason_row), TRUE);
          gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
        }
      return;
    }

  g_signal_emit (self, signals[SCHEDULED], 0, result->undo, result->transition_id);
  schedule_result_free (result);
  gtk_window_close (GTK_WINDOW (self));
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PathwaysMoveDialog *self = PATHWAYS_MOVE_DIALOG (widget);
  RequestData *r;
  PathwaysMoveRequest req;

  if (self->scheduling || get_store (self) == NULL)
    return;
  self->scheduling = TRUE;
  update_actions (self);
  gtk_label_set_label (self->error_label, "");

  r = make_request (self);
  request_from (r, &req);
  busy_changed (self, +1);
  /* (the request is copied by the call) */
  pathways_planner_schedule_move_async (get_store (self), &req, NULL, schedule_done_cb, g_object_ref (self));
  request_data_free (r);
}

/* Callbacks */

static void
date_changed_cb (PathwaysMoveDialog *self,
                 AdwEntryRow        *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  PathwaysDay day;

  /* Not a date, or a day outside the calendar: say which */
  if (pathways_day_parse_user (text, &day, &error))
    iso = pathways_day_to_iso (day);
  else
    gtk_label_set_label (self->date_error_label, error->message);

  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), iso == NULL && *text != '\0');
  if (iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  if (g_strcmp0 (iso, self->date) == 0)
    return;
  g_free (self->date);
  self->date = g_steal_pointer (&iso);
  load_destinations (self);
  run_check (self);
}

static void
address_changed_cb (PathwaysMoveDialog *self,
                    AdwEntryRow        *row)
{
  if (!on_register_page (self))
    run_check (self);
}

static void
accom_changed_cb (PathwaysMoveDialog *self,
                  GParamSpec         *pspec,
                  AdwComboRow        *row)
{
  g_autoptr(PathwaysRefCode) code = chosen_accom (self);
  /* Homeless and in custody are only ever "not suitable" (the table says which) */
  gboolean fixed = code != NULL && pathways_ref_code_get_unsuitable_only (code);

  if (fixed)
    gtk_switch_set_active (self->suitable_switch, FALSE);
  else if (!gtk_widget_get_sensitive (GTK_WIDGET (self->suitable_row)))
    gtk_switch_set_active (self->suitable_switch, TRUE);  /* back from homeless or custody */
  gtk_widget_set_sensitive (GTK_WIDGET (self->suitable_row), !fixed);
  if (get_store (self) != NULL && !on_register_page (self))
    run_check (self);
}

static void
cost_changed_cb (PathwaysMoveDialog *self,
                 AdwEntryRow        *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  self->cost_valid = text == NULL || *text == '\0' || pathways_money_parse (text, &pence, &error);
  if (self->cost_valid && pence < 0)
    {
      self->cost_valid = FALSE;
      g_set_error_literal (&error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The weekly cost cannot be less than nothing"));
    }
  self->weekly_cost = self->cost_valid ? pence : 0;
  if (error != NULL)
    {
      /* Translators: %s says what is wrong with the amount typed */
      g_autofree char *message = g_strdup_printf (_("Weekly cost: %s"), error->message);
      gtk_label_set_label (self->cost_error_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->cost_error_label), !self->cost_valid);
  update_actions (self);
}

static void
accom_codes_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PathwaysMoveDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) codes = pathways_planner_list_move_accom_codes_finish (PATHWAYS_STORE (source), result, &error);
  g_autoptr(GtkStringList) labels = NULL;
  guint other = 0;

  busy_changed (self, -1);
  if (codes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->error_label, error->message);
      return;
    }
  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (codes, i);

      /* Translators: an SSDA903 ACCOM code and its meaning: "E: Supported lodgings" */
      g_autofree char *label = g_strdup_printf (_("%1$s: %2$s"), pathways_ref_code_get_code (c),
                                                pathways_ref_code_get_meaning (c));

      gtk_string_list_append (labels, label);
      /* "Other accommodation" until someone says: what a move with no code was recorded as */
      if (g_strcmp0 (pathways_ref_code_get_code (c), "Y") == 0)
        other = i;
    }
  g_set_object (&self->accom_codes, codes);
  adw_combo_row_set_model (self->accom_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->accom_row, other);
  accom_changed_cb (self, NULL, self->accom_row);
}

static void
reason_changed_cb (PathwaysMoveDialog *self,
                   AdwEntryRow        *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
dest_page_changed_cb (PathwaysMoveDialog *self,
                      GParamSpec         *pspec,
                      GtkStack           *stack)
{
  /* The list of units takes the height there is; the address fields no more than they need */
  gtk_widget_set_vexpand (GTK_WIDGET (stack), on_register_page (self));
  if (get_store (self) != NULL)
    run_check (self);
  update_actions (self);
}

static void
dest_search_changed_cb (PathwaysMoveDialog *self,
                        GtkSearchEntry     *entry)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  gtk_string_filter_set_search (self->search_filter, folded);
  update_dest_status (self);
}

static void
selection_changed_cb (PathwaysMoveDialog *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  PathwaysRecord *item = gtk_single_selection_get_selected_item (selection);

  if (item == NULL)
    return;
  self->unit_id = pathways_record_get_int (item, "unit-id");
  run_check (self);
}

/* Rows of the destination list */

/**
 * pathways_move_dialog_destination_facts:
 *
 * What tells a unit from another with a name like it: "12 Elm Road,
 * NB1 2AA · Northbrook Homes · 2 bedrooms · free from 01/09/2026".
 *
 * Returns: (transfer full): the facts known, "" when none are
 */
char *
pathways_move_dialog_destination_facts (PathwaysRecord *d)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *address = pathways_record_get_string (d, "address");
  const char *postcode = pathways_record_get_string (d, "postcode");
  const char *provider = pathways_record_get_string (d, "provider");
  const char *from = pathways_record_get_string (d, "available-from");
  gint64 bedrooms = pathways_record_get_int (d, "bedrooms");

  if (address != NULL && postcode != NULL && strstr (address, postcode) == NULL)
    /* Translators: an address and its postcode */
    g_ptr_array_add (parts, g_strdup_printf (_("%1$s, %2$s"), address, postcode));
  else if (address != NULL || postcode != NULL)
    g_ptr_array_add (parts, g_strdup (address ? address : postcode));
  if (provider != NULL)
    g_ptr_array_add (parts, g_strdup (provider));
  if (bedrooms > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d bedroom", "%d bedrooms", bedrooms),
                                             (int) bedrooms));
  if (from != NULL)
    {
      g_autofree char *uk = pathways_date_format_uk (from);
      /* Translators: the day a unit is free from */
      g_ptr_array_add (parts, g_strdup_printf (_("free from %s"), uk));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("not coming free")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
setup_destination_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *reasons = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  /* What tells two alike units apart: address, provider, size, free date */
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  /* One line a row, so that many rows fit: the reasons in full in the
   * tooltip, and under Checks once the unit is chosen */
  gtk_label_set_xalign (GTK_LABEL (reasons), 0);
  gtk_label_set_ellipsize (GTK_LABEL (reasons), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (reasons, "caption");
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (texts), where);
  gtk_box_append (GTK_BOX (texts), reasons);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
bind_destination_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  PathwaysRecord *d = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (image);
  GtkWidget *name = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkWidget *where = gtk_widget_get_next_sibling (detail);
  GtkWidget *reasons = gtk_widget_get_next_sibling (where);
  PathwaysVerdict verdict = (PathwaysVerdict) pathways_record_get_int (d, "verdict");
  const char *area = pathways_record_get_string (d, "area");
  const char *why = pathways_record_get_string (d, "reasons");
  g_autofree char *cost = pathways_money_format (pathways_record_get_int (d, "weekly-cost"));
  g_autofree char *text = NULL;
  g_autofree char *a11y = NULL;
  g_autofree char *facts = pathways_move_dialog_destination_facts (d);

  gtk_label_set_label (GTK_LABEL (name), pathways_record_get_string (d, "name"));
  gtk_label_set_label (GTK_LABEL (where), facts);
  gtk_widget_set_visible (where, *facts != '\0');
  /* Translators: kind of unit, area and weekly cost: "Foyer · Northfield · £180.00 a week" */
  text = g_strdup_printf (_("%s · %s · %s a week"), pathways_record_get_string (d, "kind-label"),
                          area != NULL ? area : _("Area not recorded"), cost);
  gtk_label_set_label (GTK_LABEL (detail), text);
  {
    /* The reasons, a line each, run on in the row */
    g_autofree char *run_on = g_strdelimit (g_strdup (why != NULL ? why : ""), "\n", ' ');
    gtk_label_set_label (GTK_LABEL (reasons), run_on);
  }
  gtk_widget_set_tooltip_text (reasons, why);
  gtk_widget_set_tooltip_text (where, facts);
  gtk_widget_set_visible (reasons, why != NULL);

  gtk_widget_remove_css_class (reasons, "error");
  gtk_widget_remove_css_class (reasons, "warning");
  gtk_widget_remove_css_class (image, "success");
  gtk_widget_remove_css_class (image, "warning");
  gtk_widget_remove_css_class (box, "dim-label");
  switch (verdict)
    {
    case PATHWAYS_VERDICT_ELIGIBLE:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "object-select-symbolic");
      gtk_widget_add_css_class (image, "success");
      break;
    case PATHWAYS_VERDICT_WARNINGS:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "dialog-warning-symbolic");
      gtk_widget_add_css_class (image, "warning");
      gtk_widget_add_css_class (reasons, "warning");
      break;
    case PATHWAYS_VERDICT_NOT_ELIGIBLE:
    default:
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "action-unavailable-symbolic");
      gtk_widget_add_css_class (box, "dim-label");
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pathways_record_get_string (d, "verdict-label"), -1);
  gtk_list_item_set_selectable (item, verdict != PATHWAYS_VERDICT_NOT_ELIGIBLE);
  gtk_list_item_set_activatable (item, verdict != PATHWAYS_VERDICT_NOT_ELIGIBLE);
  a11y = g_strdup_printf ("%s, %s", pathways_record_get_string (d, "name"),
                          pathways_record_get_string (d, "verdict-label"));
  {
    g_autofree char *description = why != NULL ? g_strdup_printf ("%s. %s", facts, why) : g_strdup (facts);

    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    /* The row a screen reader lands on, not only the cell inside it */
    pathways_row_set_accessible_label (box, a11y);
  }
}

/* GObject overrides */

static void
pathways_move_dialog_dispose (GObject *object)
{
  PathwaysMoveDialog *self = PATHWAYS_MOVE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_MOVE_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->destinations);
  g_clear_object (&self->accom_codes);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->check, pathways_eligibility_free);

  G_OBJECT_CLASS (pathways_move_dialog_parent_class)->dispose (object);
}

static void
pathways_move_dialog_finalize (GObject *object)
{
  PathwaysMoveDialog *self = PATHWAYS_MOVE_DIALOG (object);

  g_free (self->date);

  G_OBJECT_CLASS (pathways_move_dialog_parent_class)->finalize (object);
}

static void
pathways_move_dialog_class_init (PathwaysMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_move_dialog_dispose;
  object_class->finalize = pathways_move_dialog_finalize;

  /**
   * PathwaysMoveDialog::scheduled:
   * @changes: what the move changed, for "Undo"
   * @transition_id: the move
   */
  signals[SCHEDULED] = g_signal_new ("scheduled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     PATHWAYS_TYPE_CHANGE_SET, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, dest_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, dest_search);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, dest_status_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, dest_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, accom_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, suitable_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, suitable_switch);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, cost_error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, checks_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMoveDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, accom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cost_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dest_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dest_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "move.schedule", NULL, schedule_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathways_move_dialog_init (PathwaysMoveDialog *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->search_filter = gtk_string_filter_new (gtk_property_expression_new (PATHWAYS_TYPE_DESTINATION, NULL,
                                                                            "search-text"));
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->search_filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->dest_list, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_destination_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_destination_cb), NULL);
  gtk_list_view_set_factory (self->dest_list, factory);
  g_object_unref (factory);

  gtk_label_set_label (self->date_error_label, _("Enter a date as DD/MM/YYYY"));
  self->cost_valid = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "move.schedule", FALSE);
}

/* Public API */

/**
 * pathways_move_dialog_new:
 * @context: the application's context (its store must be open); the move
 *   is scheduled by its signed-in member of staff
 */
PathwaysMoveDialog *
pathways_move_dialog_new (PathwaysContext *context,
                          gint64           person_id,
                          const char      *person_name)
{
  PathwaysMoveDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *uk = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (pathways_context_get_store (context) != NULL, NULL);

  self = g_object_new (PATHWAYS_TYPE_MOVE_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->person_id = person_id;
  self->staff_id = pathways_context_get_staff_id (context);
  adw_window_title_set_subtitle (self->window_title, person_name);

  /* A fortnight ahead to start with: a planned move, not an emergency */
  today = pathways_context_dup_today (context);
  if ((soon = pathways_date_add_days (today, 14)) == NULL)
    soon = g_strdup (today);  /* a fortnight on is after the end of the calendar */
  uk = pathways_date_format_uk (soon);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), uk);
  show_check (self);

  /* The ACCOM letters for an address outside the register */
  busy_changed (self, +1);
  pathways_planner_list_move_accom_codes_async (pathways_context_get_store (context), NULL, self->cancellable,
                                                accom_codes_done_cb, g_object_ref (self));
  return self;
}

/**
 * pathways_move_dialog_set_date:
 * @iso: the day of the move; typed into the date field in UK order
 */
void
pathways_move_dialog_set_date (PathwaysMoveDialog *self,
                               const char         *iso)
{
  g_autofree char *uk = NULL;

  g_return_if_fail (PATHWAYS_IS_MOVE_DIALOG (self));

  uk = pathways_date_format_uk (iso);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), uk);
}

/**
 * pathways_move_dialog_select_unit:
 *
 * Chooses @unit_id as the destination: selected in the list when the
 * rules allow it, otherwise checked anyway so the reasons show.
 */
void
pathways_move_dialog_select_unit (PathwaysMoveDialog *self,
                                  gint64              unit_id)
{
  GListModel *shown;

  g_return_if_fail (PATHWAYS_IS_MOVE_DIALOG (self));

  gtk_stack_set_visible_child_name (self->dest_stack, "register");
  self->unit_id = unit_id;
  shown = G_LIST_MODEL (self->filter_model);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PathwaysRecord) d = g_list_model_get_item (shown, i);

      if (pathways_record_get_int (d, "unit-id") == unit_id &&
          pathways_record_get_int (d, "verdict") != PATHWAYS_VERDICT_NOT_ELIGIBLE)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  run_check (self);
}

void
pathways_move_dialog_set_address (PathwaysMoveDialog *self,
                                  const char         *address)
{
  g_return_if_fail (PATHWAYS_IS_MOVE_DIALOG (self));

  gtk_stack_set_visible_child_name (self->dest_stack, "address");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
}

void
pathways_move_dialog_set_reason (PathwaysMoveDialog *self,
                                 const char         *reason)
{
  g_return_if_fail (PATHWAYS_IS_MOVE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason);
}

gboolean
pathways_move_dialog_is_busy (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), FALSE);

  return self->pending > 0;
}

/**
 * pathways_move_dialog_get_destinations:
 *
 * Returns: (transfer none) (nullable): every unit with its verdict, or
 *   %NULL while loading
 */
GListModel *
pathways_move_dialog_get_destinations (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), NULL);

  return self->destinations;
}

/**
 * pathways_move_dialog_get_check:
 *
 * Returns: (transfer none) (nullable): the planner's checks of the
 *   current choice
 */
PathwaysEligibility *
pathways_move_dialog_get_check (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), NULL);

  return self->check;
}

const char *
pathways_move_dialog_get_error (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}

/**
 * pathways_move_dialog_get_date_text:
 *
 * Returns: what the date field shows (DD/MM/YYYY)
 */
const char *
pathways_move_dialog_get_date_text (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->date_row));
}

/* Types @text into the destination search (for tests) */
void
pathways_move_dialog_search (PathwaysMoveDialog *self,
                             const char         *text)
{
  g_return_if_fail (PATHWAYS_IS_MOVE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->dest_search), text);
  /* GtkSearchEntry waits before "search-changed": the same now */
  dest_search_changed_cb (self, self->dest_search);
}

/* "12 of 340 units are open to them on that day" */
const char *
pathways_move_dialog_get_dest_status (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), NULL);

  return gtk_label_get_label (self->dest_status_label);
}

/* Chooses the SSDA903 ACCOM letter @code for an address outside the
 * register (for tests); FALSE when the list has no such letter */
gboolean
pathways_move_dialog_set_accom (PathwaysMoveDialog *self,
                                const char         *code)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), FALSE);

  for (guint i = 0; self->accom_codes && i < g_list_model_get_n_items (self->accom_codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (self->accom_codes, i);

      if (g_strcmp0 (pathways_ref_code_get_code (c), code) == 0)
        {
          adw_combo_row_set_selected (self->accom_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Types @text into the weekly cost of an address outside the register */
void
pathways_move_dialog_set_weekly_cost (PathwaysMoveDialog *self,
                                      const char         *text)
{
  g_return_if_fail (PATHWAYS_IS_MOVE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->cost_row), text);
}

/* The message under the weekly cost, or NULL when there is none */
const char *
pathways_move_dialog_get_cost_error (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->cost_error_label))
         ? gtk_label_get_label (self->cost_error_label) : NULL;
}

gboolean
pathways_move_dialog_get_suitable (PathwaysMoveDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MOVE_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->suitable_switch);
}
