/* pathways-team-view.c — the Team page: staff and teams
 *
 * A PathwaysPage (Alt+6).  Every member of staff with their role, team
 * and — for a personal adviser — how many open cases they hold; every
 * team with how many staff are in it.  A manager adds and edits staff,
 * marks someone as having left (refused while they still hold cases:
 * reassign them first), adds and renames teams; others see the page
 * and are told why they cannot change it.  Each change is one recorded
 * action with an Undo toast, and each form says beside the field what
 * is wrong, writing nothing until all is right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-team-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "pathways-core.h"
#include "pathways-page.h"
#include "pathways-team-view.h"

struct _PathwaysTeamView
{
  GtkWidget        parent_instance;

  GtkLabel        *role_label;
  GtkListBox      *staff_list;
  GtkListBox      *team_list;
  GtkLabel        *error_label;

  PathwaysContext *context;
  GCancellable    *cancellable;
  GListModel      *staff;
  GListModel      *teams;
  GHashTable      *subtitles;    /* staff id (gint64*) → subtitle */
  GWeakRef         dialog;
  gboolean         loading;
};

static void pathways_team_view_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysTeamView, pathways_team_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_team_view_page_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
  N_PROPS
};

static void reload (PathwaysTeamView *self);

/* Forms ------------------------------------------------------------ */

typedef enum {
  FORM_ADD_STAFF,
  FORM_EDIT_STAFF,
  FORM_STAFF_LEAVES,
  FORM_ADD_TEAM,
  FORM_RENAME_TEAM,
} FormKind;

typedef struct {
  PathwaysContext *context;
  FormKind         kind;
  PathwaysRecord  *record;    /* a copy of the staff member or team, or a new one */
  GHashTable      *inputs;    /* field → GtkEntry or GtkDropDown */
  GHashTable      *errors;    /* field → GtkLabel */
  GHashTable      *codes;     /* field → GPtrArray of codes, by position */
  GtkLabel        *error;
  GtkBox          *box;
} Form;

static void
form_free (gpointer data)
{
  Form *f = data;

  g_clear_object (&f->context);
  g_clear_object (&f->record);
  g_clear_pointer (&f->inputs, g_hash_table_unref);
  g_clear_pointer (&f->errors, g_hash_table_unref);
  g_clear_pointer (&f->codes, g_hash_table_unref);
  g_clear_object (&f->error);
  g_clear_object (&f->box);
  g_free (f);
}

static GtkLabel *
add_error_label (Form       *f,
                 const char *field)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  gtk_box_append (f->box, GTK_WIDGET (label));
  if (field != NULL)
    g_hash_table_insert (f->errors, g_strdup (field), g_object_ref (label));
  return label;
}

static GtkWidget *
add_caption (Form       *f,
             const char *text)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_set_margin_top (caption, 6);
  gtk_box_append (f->box, caption);
  return caption;
}

static void
add_entry (Form       *f,
           const char *field,
           const char *caption,
           const char *text,
           const char *placeholder)
{
  GtkWidget *label = add_caption (f, caption);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (f->box, entry);
  g_hash_table_insert (f->inputs, g_strdup (field), g_object_ref (entry));
  add_error_label (f, field);
}

/* @codes: position → code (NULL allowed); @labels: what is shown */
static void
add_dropdown (Form       *f,
              const char *field,
              const char *caption,
              GPtrArray  *codes,
              GPtrArray  *labels,
              const char *selected)
{
  GtkWidget *label = add_caption (f, caption);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (strings, g_ptr_array_index (labels, i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (strings)), NULL);
  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), selected) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (f->box, dropdown);
  g_hash_table_insert (f->inputs, g_strdup (field), g_object_ref (dropdown));
  g_hash_table_insert (f->codes, g_strdup (field), g_ptr_array_ref (codes));
  add_error_label (f, field);
}

static const char *
form_text (Form       *f,
           const char *field)
{
  GtkWidget *w = g_hash_table_lookup (f->inputs, field);

  return w ? gtk_editable_get_text (GTK_EDITABLE (w)) : NULL;
}

static const char *
form_code (Form       *f,
           const char *field)
{
  GtkWidget *w = g_hash_table_lookup (f->inputs, field);
  GPtrArray *codes = g_hash_table_lookup (f->codes, field);
  guint i;

  if (w == NULL || codes == NULL)
    return NULL;
  i = gtk_drop_down_get_selected (GTK_DROP_DOWN (w));
  return i < codes->len ? g_ptr_array_index (codes, i) : NULL;
}

static void
form_show_error (Form       *f,
                 GtkWidget  *dialog,
                 const char *field,
                 const char *message)
{
  GtkLabel *label = field ? g_hash_table_lookup (f->errors, field) : NULL;

  if (label == NULL)
    label = f->error;
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL && !gtk_widget_get_visible (dialog))
    pathways_context_show_message (f->context, message);
}

static void
form_clear_errors (Form *f)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, f->errors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_widget_set_visible (value, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
}

static void
form_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (f->kind == FORM_STAFF_LEAVES || f->kind == FORM_RENAME_TEAM)
    ok = pathways_people_action_finish (PATHWAYS_STORE (source), result, &undo, &error);
  else
    ok = pathways_planner_action_finish (PATHWAYS_STORE (source), result, NULL, &undo, &error);
  if (!ok)
    {
      const char *field = pathways_person_field_for_error (f->record, error);

      if (f->kind == FORM_RENAME_TEAM || (field == NULL && f->kind == FORM_ADD_TEAM))
        field = "name";
      if (f->kind == FORM_STAFF_LEAVES)
        field = NULL;
      form_show_error (f, GTK_WIDGET (dialog), field, error->message);
      return;
    }

  switch (f->kind)
    {
    case FORM_ADD_STAFF:
      /* Translators: a toast, "Jo Bloggs added" */
      message = g_strdup_printf (_("%s added"), form_text (f, "name"));
      break;
    case FORM_EDIT_STAFF:
      /* Translators: a toast, "Jo Bloggs changed" */
      message = g_strdup_printf (_("%s changed"), form_text (f, "name"));
      break;
    case FORM_STAFF_LEAVES:
      /* Translators: a toast, "Jo Bloggs marked as left" */
      message = g_strdup_printf (_("%s marked as left"), pathways_record_get_string (f->record, "name"));
      break;
    case FORM_ADD_TEAM:
      /* Translators: a toast, "Team North added" */
      message = g_strdup_printf (_("Team %s added"), form_text (f, "name"));
      break;
    case FORM_RENAME_TEAM:
    default:
      /* Translators: a toast, "Team renamed to North" */
      message = g_strdup_printf (_("Team renamed to %s"), form_text (f, "name"));
      break;
    }
  if (undo != NULL)
    pathways_context_show_undoable (f->context, message, undo);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
form_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  PathwaysStore *store = pathways_context_get_store (f->context);
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "save") || store == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  form_clear_errors (f);
  name = g_strstrip (g_strdup (form_text (f, "name") ? form_text (f, "name") : ""));

  switch (f->kind)
    {
    case FORM_ADD_STAFF:
    case FORM_EDIT_STAFF:
      {
        g_autofree char *email = g_strstrip (g_strdup (form_text (f, "email")));

        if (*name == '\0')
          {
            form_show_error (f, GTK_WIDGET (dialog), "name", _("Enter their name"));
            return;
          }
        g_object_set (f->record, "name", name, "role", form_code (f, "role"), "team", form_code (f, "team"),
                      "email", *email != '\0' ? email : NULL, NULL);
        gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
        pathways_planner_save_async (store, f->record, NULL, form_done_cb, g_object_ref (dialog));
      }
      break;

    case FORM_STAFF_LEAVES:
      {
        PathwaysDay day;
        g_autofree char *iso = NULL;

        if (!pathways_day_parse_user (form_text (f, "left-on"), &day, NULL))
          {
            form_show_error (f, GTK_WIDGET (dialog), "left-on", _("Enter the day they leave as DD/MM/YYYY"));
            return;
          }
        iso = pathways_day_to_iso (day);
        gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
        pathways_people_staff_leaves_async (store, pathways_record_get_id (f->record), iso, NULL, form_done_cb,
                                            g_object_ref (dialog));
      }
      break;

    case FORM_ADD_TEAM:
    case FORM_RENAME_TEAM:
    default:
      if (*name == '\0')
        {
          form_show_error (f, GTK_WIDGET (dialog), "name", _("Enter the team's name"));
          return;
        }
      gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
      if (f->kind == FORM_ADD_TEAM)
        {
          pathways_record_set_string (f->record, "name", name);
          pathways_planner_save_async (store, f->record, NULL, form_done_cb, g_object_ref (dialog));
        }
      else if (g_strcmp0 (name, pathways_record_get_string (f->record, "name")) == 0)
        gtk_window_destroy (GTK_WINDOW (dialog));
      else
        pathways_people_rename_team_async (store, pathways_record_get_id (f->record), name, NULL, form_done_cb,
                                           g_object_ref (dialog));
      break;
    }
}

static AdwMessageDialog *
form_dialog_new (PathwaysTeamView *self,
                 FormKind          kind,
                 PathwaysRecord   *record,
                 const char       *heading,
                 const char       *body,
                 const char       *save_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Form *f = g_new0 (Form, 1);
  GtkWidget *dialog;

  f->context = g_object_ref (self->context);
  f->kind = kind;
  f->record = record;
  f->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  f->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  f->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  f->box = GTK_BOX (g_object_ref (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6)));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (f->box));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", save_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              kind == FORM_STAFF_LEAVES ? ADW_RESPONSE_DESTRUCTIVE
                                                                        : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), kind == FORM_STAFF_LEAVES ? "cancel" : "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", f, form_free);
  /* The dialog closes itself only when the change is made */
  g_signal_connect (dialog, "response", G_CALLBACK (form_response_cb), NULL);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  g_weak_ref_set (&self->dialog, dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
finish_form (AdwMessageDialog *dialog)
{
  Form *f = g_object_get_data (G_OBJECT (dialog), "form");

  f->error = GTK_LABEL (g_object_ref (add_error_label (f, NULL)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
find_record (GListModel *list,
             gint64      id)
{
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PathwaysRecord) r = g_list_model_get_item (list, i);

      if (pathways_record_get_id (r) == id)
        return g_steal_pointer (&r);
    }
  return NULL;
}

static void
open_staff_form (PathwaysTeamView *self,
                 PathwaysStaff    *staff)
{
  g_autoptr(GPtrArray) role_codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) role_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) team_codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) team_labels = g_ptr_array_new_with_free_func (g_free);
  PathwaysRecord *record = staff ? pathways_record_copy (PATHWAYS_RECORD (staff))
                                 : PATHWAYS_RECORD (pathways_staff_new (NULL, "pa", NULL));
  const PathwaysVocabEntry *roles;
  AdwMessageDialog *dialog;
  guint n;

  roles = pathways_vocab_entries (PATHWAYS_VOCAB_STAFF_ROLE, &n);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (role_codes, (gpointer) roles[i].code);
      g_ptr_array_add (role_labels, (gpointer) pathways_vocab_label (PATHWAYS_VOCAB_STAFF_ROLE, roles[i].code));
    }
  g_ptr_array_add (team_codes, NULL);
  g_ptr_array_add (team_labels, g_strdup (_("No team")));
  for (guint i = 0; self->teams != NULL && i < g_list_model_get_n_items (self->teams); i++)
    {
      g_autoptr(PathwaysTeam) t = g_list_model_get_item (self->teams, i);

      g_ptr_array_add (team_codes, g_strdup (pathways_team_get_name (t)));
      g_ptr_array_add (team_labels, g_strdup (pathways_team_get_name (t)));
    }
  /* A team written on the record that is not (or no longer) a team of
   * the list stays offered: an edit never drops it unasked */
  {
    const char *team = pathways_record_get_string (record, "team");
    gboolean listed = FALSE;

    for (guint i = 1; team != NULL && i < team_codes->len; i++)
      listed = listed || g_str_equal (g_ptr_array_index (team_codes, i), team);
    if (team != NULL && !listed)
      {
        g_ptr_array_add (team_codes, g_strdup (team));
        g_ptr_array_add (team_labels, g_strdup (team));
      }
  }

  dialog = form_dialog_new (self, staff ? FORM_EDIT_STAFF : FORM_ADD_STAFF, record,
                            staff ? _("Edit Staff Member") : _("Add Staff Member"), NULL,
                            staff ? _("_Save") : _("_Add"));
  {
    Form *f = g_object_get_data (G_OBJECT (dialog), "form");

    add_entry (f, "name", _("_Name"), pathways_record_get_string (record, "name"), NULL);
    add_dropdown (f, "role", _("_Role"), role_codes, role_labels, pathways_record_get_string (record, "role"));
    add_dropdown (f, "team", _("_Team"), team_codes, team_labels, pathways_record_get_string (record, "team"));
    add_entry (f, "email", _("_Email (optional)"), pathways_record_get_string (record, "email"), NULL);
  }
  finish_form (dialog);
}

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_staff_form (PATHWAYS_TEAM_VIEW (widget), NULL);
}

static void
edit_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysTeamView *self = PATHWAYS_TEAM_VIEW (widget);
  g_autoptr(PathwaysStaff) staff = find_record (self->staff, g_variant_get_int64 (parameter));

  if (staff != NULL)
    open_staff_form (self, staff);
}

static void
staff_leaves_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysTeamView *self = PATHWAYS_TEAM_VIEW (widget);
  g_autoptr(PathwaysStaff) staff = find_record (self->staff, g_variant_get_int64 (parameter));
  g_autofree char *today = NULL;
  g_autofree char *uk = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (staff == NULL)
    return;
  today = pathways_context_dup_today (self->context);
  uk = pathways_date_format_uk (today);
  /* Translators: %s is a staff member's name */
  heading = g_strdup_printf (_("Mark %s as Left?"), pathways_staff_get_name (staff));
  dialog = form_dialog_new (self, FORM_STAFF_LEAVES, pathways_record_copy (PATHWAYS_RECORD (staff)), heading,
                            _("They stay in the records they made, but are no longer offered as a personal adviser."),
                            _("_Mark as Left"));
  add_entry (g_object_get_data (G_OBJECT (dialog), "form"), "left-on", _("_Day they leave"), uk, _("DD/MM/YYYY"));
  finish_form (dialog);
}

static void
open_team_form (PathwaysTeamView *self,
                PathwaysTeam     *team)
{
  PathwaysRecord *record = team ? pathways_record_copy (PATHWAYS_RECORD (team))
                                : g_object_new (PATHWAYS_TYPE_TEAM, NULL);
  AdwMessageDialog *dialog;

  dialog = form_dialog_new (self, team ? FORM_RENAME_TEAM : FORM_ADD_TEAM, record,
                            team ? _("Rename Team") : _("Add Team"),
                            team ? _("Its staff and young people move to the new name with it.") : NULL,
                            team ? _("_Rename") : _("_Add"));
  add_entry (g_object_get_data (G_OBJECT (dialog), "form"), "name", _("_Team name"),
             team ? pathways_team_get_name (team) : NULL, NULL);
  finish_form (dialog);
}

static void
add_team_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_team_form (PATHWAYS_TEAM_VIEW (widget), NULL);
}

static void
rename_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwaysTeamView *self = PATHWAYS_TEAM_VIEW (widget);
  g_autoptr(PathwaysTeam) team = find_record (self->teams, g_variant_get_int64 (parameter));

  if (team != NULL)
    open_team_form (self, team);
}

static void
role_changed_cb (PathwaysTeamView *self)
{
  static const char * const edits[] = {
    "team.add-staff", "team.edit-staff", "team.staff-leaves", "team.add-team", "team.rename-team",
  };
  const char *role = pathways_context_get_role (self->context);
  g_autofree char *why = pathways_role_dup_refusal (role, PATHWAYS_MAY_EDIT_REFERENCE);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], why == NULL);
  gtk_label_set_label (self->role_label, why ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), why != NULL);
}

/* Filling ---------------------------------------------------------- */

/* A row's actions (HIG: no row of buttons on every row): activating the
 * row (a click, Enter) does the first; all are in a menu at its end,
 * named for a screen reader after the row.  @actions are pairs of a
 * menu label and an action taking the row's id, ending in NULL. */
static void
row_actions (GtkWidget  *row,
             const char *name,
             gint64      id,
             ...)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  /* Translators: a screen reader's name for the menu at the end of a
   * row of the Team page: "Actions for Alison Bennett" */
  g_autofree char *button_name = g_strdup_printf (_("Actions for %s"), name);
  const char *label;
  va_list args;

  va_start (args, id);
  while ((label = va_arg (args, const char *)) != NULL)
    {
      const char *action = va_arg (args, const char *);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, action, "x", id);
      g_menu_append_item (menu, item);
      if (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) == NULL)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        }
    }
  va_end (args);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, button_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
empty_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

typedef struct {
  char       *on;
  GListModel *staff;
  GListModel *teams;
  GHashTable *sizes;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_free (l->on);
  g_clear_object (&l->staff);
  g_clear_object (&l->teams);
  g_clear_pointer (&l->sizes, g_hash_table_unref);
  g_free (l);
}

static void
fill (PathwaysTeamView *self,
      Loaded           *l)
{
  guint n_staff = g_list_model_get_n_items (l->staff);
  guint n_teams = g_list_model_get_n_items (l->teams);
  g_autoptr(GHashTable) team_sizes = g_hash_table_new (g_str_hash, g_str_equal);

  g_set_object (&self->staff, l->staff);
  g_set_object (&self->teams, l->teams);
  g_hash_table_remove_all (self->subtitles);
  clear_list (self->staff_list);
  clear_list (self->team_list);

  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(PathwaysStaff) s = g_list_model_get_item (l->staff, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (s));
      const char *role = pathways_staff_get_role (s);
      const char *team = pathways_staff_get_team (s);
      const char *left = pathways_staff_get_left_on (s);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      GtkWidget *row = adw_action_row_new ();
      char *subtitle;

      g_ptr_array_add (parts, g_strdup (role ? pathways_vocab_label (PATHWAYS_VOCAB_STAFF_ROLE, role) : ""));
      if (team != NULL)
        {
          g_ptr_array_add (parts, g_strdup (team));
          if (left == NULL || g_strcmp0 (left, l->on) > 0)
            g_hash_table_insert (team_sizes, (gpointer) g_intern_string (team),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (team_sizes, team)) + 1));
        }
      if (g_strcmp0 (role, "pa") == 0)
        {
          int open = GPOINTER_TO_INT (g_hash_table_lookup (l->sizes, &id));
          g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d young person", "%d young people",
                                                                open), open));
        }
      if (left != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (left);
          /* Translators: a staff member who left, "Left on 01/09/2026" */
          g_ptr_array_add (parts, g_strdup_printf (_("Left on %s"), uk));
        }
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **) parts->pdata);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pathways_staff_get_name (s));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (left == NULL)
        row_actions (row, pathways_staff_get_name (s), id,
                     _("_Edit…"), "team.edit-staff", _("_Mark as Left…"), "team.staff-leaves", NULL);
      else
        row_actions (row, pathways_staff_get_name (s), id, _("_Edit…"), "team.edit-staff", NULL);
      if (left != NULL)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->staff_list, row);
      g_hash_table_insert (self->subtitles, g_memdup2 (&id, sizeof id), subtitle);
    }
  if (n_staff == 0)
    gtk_list_box_append (self->staff_list, empty_row (_("No staff yet: add the team's personal advisers, housing liaison officers and managers.")));

  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(PathwaysTeam) t = g_list_model_get_item (l->teams, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (t));
      guint members = GPOINTER_TO_UINT (g_hash_table_lookup (team_sizes, pathways_team_get_name (t)));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member of staff",
                                                                "%u members of staff", members), members);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pathways_team_get_name (t));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      row_actions (row, pathways_team_get_name (t), id, _("_Rename…"), "team.rename-team", NULL);
      gtk_list_box_append (self->team_list, row);
    }
  if (n_teams == 0)
    gtk_list_box_append (self->team_list, empty_row (_("No teams yet.")));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Loaded *l = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((l->staff = pathways_store_list (source_object, PATHWAYS_TYPE_STAFF, &error)) == NULL ||
      (l->teams = pathways_store_list (source_object, PATHWAYS_TYPE_TEAM, &error)) == NULL ||
      (l->sizes = pathways_people_caseload_sizes (source_object, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysTeamView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  fill (self, g_task_get_task_data (G_TASK (result)));
  self->loading = FALSE;
}

static void
reload (PathwaysTeamView *self)
{
  PathwaysStore *store = pathways_page_get_store (PATHWAYS_PAGE (self));
  g_autoptr(GTask) task = NULL;
  Loaded *l;

  if (store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  l = g_new0 (Loaded, 1);
  l->on = pathways_context_dup_today (self->context);
  task = g_task_new (store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, l, loaded_free);
  g_task_run_in_thread (task, load_thread);
}

/* PathwaysPage ----------------------------------------------------- */

static void
pathways_team_view_load (PathwaysPage  *page,
                         PathwaysStore *store)
{
  reload (PATHWAYS_TEAM_VIEW (page));
}

static void
pathways_team_view_changed (PathwaysPage    *page,
                            PathwaysChanges *changes)
{
  if (pathways_changes_has_table (changes, "staff") || pathways_changes_has_table (changes, "team") ||
      pathways_changes_has_table (changes, "young_person"))
    reload (PATHWAYS_TEAM_VIEW (page));
}

static const char *
pathways_team_view_get_title (PathwaysPage *page)
{
  return _("Team");
}

static const char *
pathways_team_view_get_icon_name (PathwaysPage *page)
{
  return "emoji-people-symbolic";
}

static void
pathways_team_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_team_view_load;
  iface->changed = pathways_team_view_changed;
  iface->get_title = pathways_team_view_get_title;
  iface->get_icon_name = pathways_team_view_get_icon_name;
}

/* GObject ---------------------------------------------------------- */

static void
pathways_team_view_dispose (GObject *object)
{
  PathwaysTeamView *self = PATHWAYS_TEAM_VIEW (object);

  pathways_page_detach (PATHWAYS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_TEAM_VIEW);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->staff);
  g_clear_object (&self->teams);
  g_clear_pointer (&self->subtitles, g_hash_table_unref);
  g_clear_object (&self->context);
  g_weak_ref_clear (&self->dialog);

  G_OBJECT_CLASS (pathways_team_view_parent_class)->dispose (object);
}

static void
pathways_team_view_constructed (GObject *object)
{
  PathwaysTeamView *self = PATHWAYS_TEAM_VIEW (object);

  G_OBJECT_CLASS (pathways_team_view_parent_class)->constructed (object);
  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  role_changed_cb (self);
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_team_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PathwaysTeamView *self = PATHWAYS_TEAM_VIEW (object);

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
pathways_team_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PathwaysTeamView *self = PATHWAYS_TEAM_VIEW (object);

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
pathways_team_view_class_init (PathwaysTeamViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_team_view_constructed;
  object_class->dispose = pathways_team_view_dispose;
  object_class->get_property = pathways_team_view_get_property;
  object_class->set_property = pathways_team_view_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-team-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamView, role_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamView, staff_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamView, team_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTeamView, error_label);

  gtk_widget_class_install_action (widget_class, "team.add-staff", NULL, add_staff_action);
  gtk_widget_class_install_action (widget_class, "team.edit-staff", "x", edit_staff_action);
  gtk_widget_class_install_action (widget_class, "team.staff-leaves", "x", staff_leaves_action);
  gtk_widget_class_install_action (widget_class, "team.add-team", NULL, add_team_action);
  gtk_widget_class_install_action (widget_class, "team.rename-team", "x", rename_team_action);
}

static void
pathways_team_view_init (PathwaysTeamView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->subtitles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_weak_ref_init (&self->dialog, NULL);
}

/* Public API ------------------------------------------------------- */

GtkWidget *
pathways_team_view_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  return g_object_new (PATHWAYS_TYPE_TEAM_VIEW, "context", context, NULL);
}

gboolean
pathways_team_view_is_loading (PathwaysTeamView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TEAM_VIEW (self), FALSE);
  return self->loading;
}

const char *
pathways_team_view_get_staff_subtitle (PathwaysTeamView *self,
                                       gint64            staff_id)
{
  g_return_val_if_fail (PATHWAYS_IS_TEAM_VIEW (self), NULL);
  return g_hash_table_lookup (self->subtitles, &staff_id);
}

guint
pathways_team_view_get_n_teams (PathwaysTeamView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TEAM_VIEW (self), 0);
  return self->teams ? g_list_model_get_n_items (self->teams) : 0;
}

AdwMessageDialog *
pathways_team_view_get_dialog (PathwaysTeamView *self)
{
  g_autoptr(GObject) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_TEAM_VIEW (self), NULL);
  dialog = g_weak_ref_get (&self->dialog);
  return (AdwMessageDialog *) dialog;  /* the window list keeps it */
}

void
pathways_team_view_dialog_set (AdwMessageDialog *dialog,
                               const char       *field,
                               const char       *value)
{
  Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  GtkWidget *w;
  GPtrArray *codes;

  g_return_if_fail (f != NULL);
  w = g_hash_table_lookup (f->inputs, field);
  g_return_if_fail (w != NULL);
  if (GTK_IS_EDITABLE (w))
    {
      gtk_editable_set_text (GTK_EDITABLE (w), value ? value : "");
      return;
    }
  codes = g_hash_table_lookup (f->codes, field);
  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), value) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w), i);
}

const char *
pathways_team_view_dialog_get_error (AdwMessageDialog *dialog,
                                     const char       *field)
{
  Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  GtkLabel *label;

  g_return_val_if_fail (f != NULL, NULL);
  label = field ? g_hash_table_lookup (f->errors, field) : f->error;
  return label && gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}
