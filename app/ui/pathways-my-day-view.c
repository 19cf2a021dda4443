/* pathways-my-day-view.c — My day: a personal adviser's alerts and key dates
 *
 * What needs doing for a caseload — the signed-in staff member's, a
 * team's, a chosen PA's or everyone's — and what is coming up in the next
 * weeks: the alerts worst first, each with its action (Schedule Move…,
 * Record Contact…, Show Milestones, on the young person's page), then the
 * key dates by day.  Everything comes from core (pathways-agenda.c): this
 * page shows it.  Whose caseload and how many weeks are kept in settings.
 * Export Calendar… writes the dates shown as an iCalendar file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-my-day-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-file-toast.h"
#include "pathways-my-day-view.h"
#include "pathways-page.h"
#include "pathways-widgets.h"
#include "pathways-wrap-box.h"

static const int week_choices[] = { 1, 2, 4, 6, 8, 12 };

struct _PathwaysMyDayView
{
  GtkWidget parent_instance;

  PathwaysContext      *context;
  PathwaysStore        *store;
  GCancellable         *cancellable;
  PathwaysAgenda       *agenda;
  int                   loaded_days;
  GtkFileChooserNative *chooser;
  GPtrArray            *whose;        /* "mine", "all", "team:NAME", "pa:ID", as in the dropdown */
  gboolean              filling;

  /* Template widgets */
  GtkWidget      *page_box;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkWidget      *empty_button;
  AdwStatusPage  *error_page;
  GtkDropDown    *whose_dropdown;
  GtkDropDown    *weeks_dropdown;
  GtkLabel       *summary_label;
  AdwPreferencesGroup *alerts_group;
  GtkListBox     *alerts_list;
  AdwPreferencesGroup *dates_group;
  GtkListBox     *dates_list;

  /* The alerts' action buttons show icons, not labels, in a narrow page */
  GPtrArray      *action_faces;   /* of GtkStack, "label" and "icon" */
  gboolean        compact;
  guint           compact_idle;
};

/* Narrower than this, an alert's action is an icon */
#define ACTION_LABELS_WIDTH 560

static void pathways_my_day_view_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysMyDayView, pathways_my_day_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_my_day_view_page_init))

enum {
  CALENDAR_EXPORTED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_N_ALERTS,
  PROP_N_DATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static void reload (PathwaysMyDayView *self);

/* Helpers */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static int
chosen_days (PathwaysMyDayView *self)
{
  guint i = gtk_drop_down_get_selected (self->weeks_dropdown);

  return week_choices[MIN (i, G_N_ELEMENTS (week_choices) - 1)] * 7;
}

static const char *
chosen_whose (PathwaysMyDayView *self)
{
  guint i = gtk_drop_down_get_selected (self->whose_dropdown);

  if (self->whose == NULL || i >= self->whose->len)
    return "mine";
  return g_ptr_array_index (self->whose, i);
}

/* Whose items: a PA's id or a team's name */
static void
resolve_whose (PathwaysMyDayView *self,
               const char        *whose,
               gint64            *pa_id,
               const char       **team)
{
  *pa_id = 0;
  *team = NULL;
  if (g_str_equal (whose, "mine"))
    *pa_id = pathways_context_get_staff_id (self->context);
  else if (g_str_has_prefix (whose, "pa:"))
    *pa_id = g_ascii_strtoll (whose + 3, NULL, 10);
  else if (g_str_has_prefix (whose, "team:"))
    *team = whose + 5;
}

static GPtrArray *
selected_items (PathwaysMyDayView *self,
                guint              kinds)
{
  gint64 pa_id;
  const char *team;

  if (self->agenda == NULL)
    return g_ptr_array_new ();
  resolve_whose (self, chosen_whose (self), &pa_id, &team);
  /* "My caseload" with nobody signed in is nobody's, not everyone's */
  if (pa_id == 0 && team == NULL && !g_str_equal (chosen_whose (self), "all"))
    return g_ptr_array_new ();
  return pathways_agenda_select (self->agenda, pa_id, team, kinds);
}

/* The action an alert asks for, on the young person's page */
static void
alert_action (const char  *kind,
              const char **label,
              const char **icon,
              const char **action)
{
  static const char *const moves[] = {
    PATHWAYS_ALERT_CLIFF_EDGE, PATHWAYS_ALERT_GAP, PATHWAYS_ALERT_EMERGENCY, PATHWAYS_ALERT_UNSUITABLE,
    PATHWAYS_ALERT_UNREGISTERED, PATHWAYS_ALERT_UNREGULATED_UNDER16, PATHWAYS_ALERT_STAYING_PUT_ENDING, NULL
  };

  *label = NULL;
  *icon = NULL;
  *action = NULL;
  if (g_strv_contains (moves, kind))
    {
      *label = _("Schedule Move…");
      *icon = "appointment-new-symbolic";
      *action = "schedule-move";
    }
  else if (g_str_equal (kind, PATHWAYS_ALERT_CONTACT))
    {
      *label = _("Record Contact…");
      *icon = "call-start-symbolic";
      *action = "record-contact";
    }
  else if (g_str_equal (kind, PATHWAYS_ALERT_MILESTONE))
    {
      *label = _("Show Milestones");
      *icon = "checkbox-checked-symbolic";
      *action = "show-milestones";
    }
}

/* An alert's action: its label in a wide page, its icon (the label in
 * a tooltip and for a screen reader) where the label would squeeze the
 * alert's text — one button, one Tab stop, either way */
static GtkWidget *
action_button (PathwaysMyDayView *self,
               const char        *label,
               const char        *icon)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *faces = gtk_stack_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  /* As wide as the face shown */
  gtk_stack_set_hhomogeneous (GTK_STACK (faces), FALSE);
  gtk_stack_add_named (GTK_STACK (faces), gtk_label_new (label), "label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_stack_add_named (GTK_STACK (faces), image, "icon");
  gtk_stack_set_visible_child_name (GTK_STACK (faces), self->compact ? "icon" : "label");
  g_ptr_array_add (self->action_faces, g_object_ref (faces));
  gtk_button_set_child (GTK_BUTTON (button), faces);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static gboolean
compact_idle_cb (gpointer data)
{
  PathwaysMyDayView *self = data;

  self->compact_idle = 0;
  self->compact = gtk_widget_get_width (GTK_WIDGET (self)) < ACTION_LABELS_WIDTH;
  for (guint i = 0; i < self->action_faces->len; i++)
    gtk_stack_set_visible_child_name (g_ptr_array_index (self->action_faces, i), self->compact ? "icon" : "label");
  return G_SOURCE_REMOVE;
}

static void
add_arrow (GtkWidget *row)
{
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
}

static GtkWidget *
item_row (const PathwaysAgendaItem *item,
          const char               *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->person_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->person_id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Translators: a row of My day, as a screen reader reads it: "Amara Okafor: 18th birthday, 10 December 2026" */
  name = g_strdup_printf (_("%s: %s"), item->person_name, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* That label alone: libadwaita 1.2 labels an action row by its title as well */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  return row;
}

static void
fill_alerts (PathwaysMyDayView *self,
             GPtrArray         *alerts)
{
  clear_list (self->alerts_list);
  g_ptr_array_set_size (self->action_faces, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAgendaItem *item = g_ptr_array_index (alerts, i);
      const char *severity = pathways_severity_label (item->severity);
      g_autofree char *subtitle = NULL;
      const char *label, *icon, *action;
      GtkWidget *row, *image;

      g_autofree char *uk = item->date != NULL ? pathways_date_format_uk (item->date) : NULL;

      /* Most reasons give their date already ("…was due on 23/06/2026."):
       * the date again after the priority would say it twice */
      if (uk != NULL && strstr (item->title, uk) == NULL)
        /* Translators: an alert in My day: its reason, priority and date:
         * "In bed and breakfast · High · due 01/02/2027" */
        subtitle = g_strdup_printf (_("%s · %s · due %s"), item->title, severity, uk);
      else
        /* Translators: an alert in My day: its reason and priority */
        subtitle = g_strdup_printf (_("%s · %s"), item->title, severity);

      row = item_row (item, subtitle);
      image = gtk_image_new_from_icon_name (item->severity == PATHWAYS_SEVERITY_HIGH ? "dialog-error-symbolic"
                                            : item->severity == PATHWAYS_SEVERITY_MEDIUM ? "dialog-warning-symbolic"
                                            : "dialog-information-symbolic");
      gtk_widget_add_css_class (image, item->severity == PATHWAYS_SEVERITY_HIGH ? "error"
                                : item->severity == PATHWAYS_SEVERITY_MEDIUM ? "warning" : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, severity, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

      alert_action (item->code, &label, &icon, &action);
      if (action != NULL)
        {
          GtkWidget *button = action_button (self, label, icon);

          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-person-for");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", item->person_id, action);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      add_arrow (row);
      gtk_list_box_append (self->alerts_list, row);
    }
}

static void
fill_dates (PathwaysMyDayView *self,
            GPtrArray         *dates)
{
  clear_list (self->dates_list);
  for (guint i = 0; i < dates->len; i++)
    {
      const PathwaysAgendaItem *item = g_ptr_array_index (dates, i);
      g_autofree char *day = pathways_date_format_long (item->date);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *image;

      /* Translators: a key date in My day: "18th birthday: leaves care · 10 December 2026" */
      subtitle = g_strdup_printf (_("%s · %s"), item->title, day);
      row = item_row (item, subtitle);
      image = gtk_image_new_from_icon_name (g_str_equal (item->code, PATHWAYS_AGENDA_BIRTHDAY) ? "emblem-favorite-symbolic"
                                            : g_str_equal (item->code, PATHWAYS_AGENDA_MOVE) ? "go-home-symbolic"
                                            : g_str_equal (item->code, PATHWAYS_AGENDA_MILESTONE) ? "object-select-symbolic"
                                            : "x-office-calendar-symbolic");
      gtk_widget_add_css_class (image, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      add_arrow (row);
      gtk_list_box_append (self->dates_list, row);
    }
}

static void
fill (PathwaysMyDayView *self)
{
  g_autoptr(GPtrArray) alerts = selected_items (self, 1u << PATHWAYS_AGENDA_ALERT);
  g_autoptr(GPtrArray) dates = selected_items (self, 1u << PATHWAYS_AGENDA_DATE);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *alerts_text = NULL;
  g_autofree char *summary = NULL;
  const char *whose = chosen_whose (self);

  if (self->agenda == NULL)
    return;

  fill_alerts (self, alerts);
  fill_dates (self, dates);
  gtk_widget_set_visible (GTK_WIDGET (self->alerts_group), alerts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_group), dates->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "my-day.export-calendar", dates->len > 0);

  from = pathways_date_format_long (pathways_agenda_get_from (self->agenda));
  to = pathways_date_format_long (pathways_agenda_get_to (self->agenda));
  alerts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u alert needs action", "%u alerts need action",
                                              alerts->len), alerts->len);
  /* Translators: "3 alerts need action; 12 key dates from 22 November 2026 to 3 January 2027" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u key date from %s to %s",
                                          "%s; %u key dates from %s to %s", dates->len),
                             alerts_text, dates->len, from, to);
  gtk_label_set_text (self->summary_label, summary);

  if (alerts->len + dates->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "content");
  else
    {
      gboolean who = g_str_equal (whose, "mine") && pathways_context_get_staff_id (self->context) == 0;

      /* Where to choose it, as the description says */
      gtk_widget_set_visible (self->empty_button, who);
      if (who)
        {
          adw_status_page_set_title (self->empty_page, _("Who Are You?"));
          adw_status_page_set_description (self->empty_page,
                                           _("Choose your staff record in Preferences to see your own caseload here, "
                                             "or pick a team or a personal adviser above."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("Nothing Needs Doing"));
          adw_status_page_set_description (self->empty_page,
                                           _("No alerts and no key dates in these weeks. "
                                             "Choose more weeks or another caseload above to look further."));
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ALERTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DATES]);
}

/* The dropdown: My caseload, Everyone, each team, each PA */
static void
fill_whose (PathwaysMyDayView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) teams = pathways_agenda_list_teams (self->agenda);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) pas = pathways_agenda_list_pas (self->agenda, &ids);
  g_autofree char *saved = NULL;
  guint selected = 0;

  g_clear_pointer (&self->whose, g_ptr_array_unref);
  self->whose = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (labels, _("My Caseload"));
  g_ptr_array_add (self->whose, g_strdup ("mine"));
  gtk_string_list_append (labels, _("Everyone"));
  g_ptr_array_add (self->whose, g_strdup ("all"));
  for (guint i = 0; i < teams->len; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Team: %s"), (char *) g_ptr_array_index (teams, i));
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->whose, g_strdup_printf ("team:%s", (char *) g_ptr_array_index (teams, i)));
    }
  for (guint i = 0; i < pas->len; i++)
    {
      gtk_string_list_append (labels, g_ptr_array_index (pas, i));
      g_ptr_array_add (self->whose, g_strdup_printf ("pa:%" G_GINT64_FORMAT, g_array_index (ids, gint64, i)));
    }

  saved = g_settings_get_string (pathways_context_get_settings (self->context), "my-day-whose");
  for (guint i = 0; i < self->whose->len; i++)
    if (g_str_equal (g_ptr_array_index (self->whose, i), saved))
      selected = i;

  self->filling = TRUE;
  gtk_drop_down_set_model (self->whose_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->whose_dropdown, selected);
  self->filling = FALSE;
}

/* Callbacks */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysMyDayView) self = user_data;
  g_autoptr(GError) error = NULL;
  PathwaysAgenda *agenda = pathways_agenda_load_finish (PATHWAYS_STORE (source), result, &error);

  if (agenda == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->agenda, pathways_agenda_unref);
  self->agenda = agenda;
  fill_whose (self);
  fill (self);
}

static void
whose_changed_cb (PathwaysMyDayView *self)
{
  if (self->filling || self->whose == NULL)
    return;
  g_settings_set_string (pathways_context_get_settings (self->context), "my-day-whose", chosen_whose (self));
  fill (self);
}

static void
weeks_changed_cb (PathwaysMyDayView *self)
{
  int weeks = chosen_days (self) / 7;

  if (self->filling || self->context == NULL)
    return;
  g_settings_set_int (pathways_context_get_settings (self->context), "my-day-weeks", weeks);
  reload (self);
}

static void
reload (PathwaysMyDayView *self)
{
  g_autofree char *today = NULL;

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->agenda == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  today = pathways_context_dup_today (self->context);
  self->loaded_days = chosen_days (self);
  pathways_agenda_load_async (self->store, today, self->loaded_days, self->cancellable, loaded_cb,
                              g_object_ref (self));
}

static void
staff_changed_cb (PathwaysMyDayView *self)
{
  if (self->agenda != NULL)
    fill (self);
}

/* Export Calendar… */

typedef struct {
  GPtrArray      *items;
  PathwaysAgenda *agenda;   /* keeps the items' strings */
  char           *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_ptr_array_unref (data->items);
  pathways_agenda_unref (data->agenda);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (pathways_agenda_write_ics (data->items, _("Pathways key dates"), data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (source);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (ok)
    {
      g_autofree char *base = g_path_get_basename (data->path);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u key date saved to “%s”",
                                                            "%u key dates saved to “%s”", data->items->len),
                                               data->items->len, base);
      g_autoptr(GFile) file = g_file_new_for_path (data->path);

      pathways_context_add_toast (self->context, pathways_file_toast_new (text, file));
    }
  else
    pathways_context_show_error (self->context, error);
  g_signal_emit (self, signals[CALENDAR_EXPORTED], 0, data->path, ok);
}

static void
chooser_response_cb (PathwaysMyDayView *self,
                     int                response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    pathways_my_day_view_export_ics (self, file);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Calendar"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "key-dates.ics");
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* my-day.show-caseload ("mine", "all", "team:NAME", "pa:ID"): as the
 * dropdown does; kept in settings */
static void
show_caseload_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (widget);
  const char *whose = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->whose != NULL && i < self->whose->len; i++)
    if (g_str_equal (g_ptr_array_index (self->whose, i), whose))
      {
        gtk_drop_down_set_selected (self->whose_dropdown, i);
        return;
      }
  g_settings_set_string (pathways_context_get_settings (self->context), "my-day-whose", whose);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  reload (PATHWAYS_MY_DAY_VIEW (widget));
}

/* PathwaysPage */

static void
pathways_my_day_view_load (PathwaysPage  *page,
                           PathwaysStore *store)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (page);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->agenda, pathways_agenda_unref);
  reload (self);
}

static void
pathways_my_day_view_changed (PathwaysPage    *page,
                              PathwaysChanges *changes)
{
  /* Alerts and dates read nearly everything but notes */
  for (guint i = 0; i < pathways_changes_get_n_changes (changes); i++)
    if (!g_str_equal (pathways_changes_get_change (changes, i)->table, "note"))
      {
        reload (PATHWAYS_MY_DAY_VIEW (page));
        return;
      }
  if (pathways_changes_is_everything (changes))
    reload (PATHWAYS_MY_DAY_VIEW (page));
}

static const char *
pathways_my_day_view_get_title (PathwaysPage *page)
{
  return _("My Day");
}

static const char *
pathways_my_day_view_get_icon_name (PathwaysPage *page)
{
  return "alarm-symbolic";
}

static void
pathways_my_day_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_my_day_view_load;
  iface->changed = pathways_my_day_view_changed;
  iface->get_title = pathways_my_day_view_get_title;
  iface->get_icon_name = pathways_my_day_view_get_icon_name;
}

/* GObject overrides */

static void
pathways_my_day_view_dispose (GObject *object)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (object);

  pathways_page_detach (PATHWAYS_PAGE (self));
  g_clear_handle_id (&self->compact_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_MY_DAY_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_my_day_view_parent_class)->dispose (object);
}

static void
pathways_my_day_view_constructed (GObject *object)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (object);
  int weeks;
  guint selected = 3;

  G_OBJECT_CLASS (pathways_my_day_view_parent_class)->constructed (object);

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  weeks = g_settings_get_int (pathways_context_get_settings (self->context), "my-day-weeks");
  for (guint i = 0; i < G_N_ELEMENTS (week_choices); i++)
    if (week_choices[i] == weeks)
      selected = i;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->weeks_dropdown, selected);
  self->filling = FALSE;
  g_signal_connect_object (self->context, "notify::staff-id", G_CALLBACK (staff_changed_cb), self,
                           G_CONNECT_SWAPPED);
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_my_day_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (object);

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
    case PROP_N_ALERTS:
      {
        g_autoptr(GPtrArray) items = selected_items (self, 1u << PATHWAYS_AGENDA_ALERT);
        g_value_set_uint (value, items->len);
      }
      break;
    case PROP_N_DATES:
      {
        g_autoptr(GPtrArray) items = selected_items (self, 1u << PATHWAYS_AGENDA_DATE);
        g_value_set_uint (value, items->len);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_my_day_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (object);

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
pathways_my_day_view_finalize (GObject *object)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (object);

  g_clear_pointer (&self->agenda, pathways_agenda_unref);
  g_clear_pointer (&self->whose, g_ptr_array_unref);
  g_clear_pointer (&self->action_faces, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_my_day_view_parent_class)->finalize (object);
}

/* GtkWidget overrides: a bin that sees its width */

static void
pathways_my_day_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
pathways_my_day_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  PathwaysMyDayView *self = PATHWAYS_MY_DAY_VIEW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  /* The buttons change on the next turn, never inside an allocation */
  if ((width < ACTION_LABELS_WIDTH) != self->compact && self->compact_idle == 0)
    self->compact_idle = g_idle_add (compact_idle_cb, self);
}

static void
pathways_my_day_view_class_init (PathwaysMyDayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_my_day_view_constructed;
  object_class->dispose = pathways_my_day_view_dispose;
  object_class->finalize = pathways_my_day_view_finalize;
  object_class->get_property = pathways_my_day_view_get_property;
  object_class->set_property = pathways_my_day_view_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  /* How many alerts and key dates are shown (for tests and the summary) */
  properties[PROP_N_ALERTS] = g_param_spec_uint ("n-alerts", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DATES] = g_param_spec_uint ("n-dates", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_N_ALERTS, properties[PROP_N_ALERTS]);
  g_object_class_install_property (object_class, PROP_N_DATES, properties[PROP_N_DATES]);

  /**
   * PathwaysMyDayView::calendar-exported:
   * @path: where the calendar was to be written
   * @ok: whether it was
   */
  signals[CALENDAR_EXPORTED] = g_signal_new ("calendar-exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  widget_class->measure = pathways_my_day_view_measure;
  widget_class->size_allocate = pathways_my_day_view_size_allocate;
  g_type_ensure (PATHWAYS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-my-day-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, page_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, empty_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, whose_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, weeks_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, alerts_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, dates_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysMyDayView, dates_list);
  gtk_widget_class_bind_template_callback (widget_class, whose_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, weeks_changed_cb);

  gtk_widget_class_install_action (widget_class, "my-day.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "my-day.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "my-day.show-caseload", "s", show_caseload_action);
}

static void
pathways_my_day_view_init (PathwaysMyDayView *self)
{
  static const PathwaysShortcut shortcuts[] = {
    { "<Control><Shift>e", "my-day.export-calendar" },
    { "F5", "my-day.refresh" },
  };

  self->action_faces = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Filters keep their width whatever is picked */
  pathways_drop_down_keep_width (self->whose_dropdown);
  pathways_drop_down_keep_width (self->weeks_dropdown);
  pathways_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "my-day.export-calendar", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API */

GtkWidget *
pathways_my_day_view_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  return g_object_new (PATHWAYS_TYPE_MY_DAY_VIEW, "context", context, NULL);
}

/**
 * pathways_my_day_view_export_ics:
 *
 * Writes the key dates shown (the caseload and weeks chosen) to @file, in
 * a worker thread; "calendar-exported" says how it went.
 */
void
pathways_my_day_view_export_ics (PathwaysMyDayView *self,
                                 GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (PATHWAYS_IS_MY_DAY_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->agenda == NULL)
    return;
  data = g_new0 (ExportData, 1);
  data->items = selected_items (self, 1u << PATHWAYS_AGENDA_DATE);
  data->agenda = pathways_agenda_ref (self->agenda);
  data->path = g_file_get_path (file);
  task = g_task_new (self, NULL, exported_cb, NULL);
  g_task_set_source_tag (task, pathways_my_day_view_export_ics);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/* "loading", "empty", "error" or "content" */
const char *
pathways_my_day_view_get_visible_page (PathwaysMyDayView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_MY_DAY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
