/* pathways-support-section.c — a young person's contacts and their
 * education, employment and training, on their page
 *
 * The contacts, newest first, each with its type, day, note and who
 * recorded it (Record Contact… is the page's own action).  The 903 ACTIV
 * activities with their dates, each with a delete button, and Add
 * Activity…, which says beside each field what is wrong and writes
 * nothing until all is right.  Every change is one recorded action with
 * an Undo toast; the page refreshes from the store's "changed" and calls
 * set_person again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-support-section"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-core.h"
#include "pathways-support-section.h"

struct _PathwaysSupportSection
{
  GtkWidget        parent_instance;

  GtkBox          *box;
  GtkListBox      *contacts_list;
  GtkListBox      *activities_list;

  PathwaysContext *context;
  gint64           person_id;
  GCancellable    *cancellable;
  GListModel      *activities;
  GListModel      *activ_codes;
  GPtrArray       *contact_titles;
  GWeakRef         dialog;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (PathwaysSupportSection, pathways_support_section, GTK_TYPE_WIDGET)

/* How many contacts are listed (the newest) */
#define MAX_CONTACTS 10

/* Loading ---------------------------------------------------------- */

typedef struct {
  gint64      person_id;
  GListModel *contacts;
  GListModel *activities;
  GListModel *activ_codes;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_clear_object (&l->contacts);
  g_clear_object (&l->activities);
  g_clear_object (&l->activ_codes);
  g_free (l);
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
  if ((l->contacts = pathways_people_list_contacts (source_object, l->person_id, &error)) == NULL ||
      (l->activities = pathways_store_list_for_person (source_object, PATHWAYS_TYPE_ACTIVITY, l->person_id,
                                                       &error)) == NULL ||
      (l->activ_codes = pathways_store_list_ref_codes (source_object, PATHWAYS_REF_ACTIV, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  return row;
}

static char *
activ_meaning (GListModel *codes,
               const char *code)
{
  g_autofree char *meaning = NULL;

  for (guint i = 0; codes != NULL && i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (codes, i);

      if (g_strcmp0 (pathways_ref_code_get_code (c), code) == 0)
        {
          g_free (meaning);
          meaning = g_strdup (pathways_ref_code_get_meaning (c));
        }
    }
  /* Translators: a 903 code and its meaning, "F1 — Full-time higher education" */
  return meaning ? g_strdup_printf (_("%s — %s"), code, meaning) : g_strdup (code);
}

static void
fill (PathwaysSupportSection *self,
      Loaded                 *l)
{
  guint n_contacts = g_list_model_get_n_items (l->contacts);
  guint n_activities = g_list_model_get_n_items (l->activities);

  clear_list (self->contacts_list);
  clear_list (self->activities_list);
  g_ptr_array_set_size (self->contact_titles, 0);
  g_set_object (&self->activities, l->activities);
  g_set_object (&self->activ_codes, l->activ_codes);

  for (guint i = 0; i < n_contacts && i < MAX_CONTACTS; i++)
    {
      g_autoptr(PathwaysContact) c = g_list_model_get_item (l->contacts, i);
      g_autofree char *day = pathways_date_format_long (pathways_contact_get_contact_date (c));
      const char *kind = pathways_vocab_label (PATHWAYS_VOCAB_CONTACT_KIND, pathways_contact_get_kind (c));
      const char *note = pathways_contact_get_note (c);
      const char *author = pathways_contact_get_author (c);
      g_autofree char *title = NULL;
      g_autofree char *by = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a contact, "Phone call on 20 November 2026" */
      title = g_strdup_printf (_("%s on %s"), kind, day);
      if (author != NULL)
        /* Translators: who recorded a contact */
        by = g_strdup_printf (_("Recorded by %s"), author);
      if (note != NULL && by != NULL)
        subtitle = g_strdup_printf ("%s · %s", note, by);
      else
        subtitle = g_strdup (note ? note : by);
      gtk_list_box_append (self->contacts_list, plain_row (title, subtitle));
      g_ptr_array_add (self->contact_titles, g_steal_pointer (&title));
    }
  if (n_contacts > MAX_CONTACTS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u earlier contact",
                                                            "and %u earlier contacts", n_contacts - MAX_CONTACTS),
                                               n_contacts - MAX_CONTACTS);
      gtk_list_box_append (self->contacts_list, plain_row (more, NULL));
    }
  if (n_contacts == 0)
    gtk_list_box_append (self->contacts_list, plain_row (_("No contacts recorded yet"), NULL));

  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(PathwaysActivity) a = g_list_model_get_item (l->activities, i);
      gint64 id = pathways_record_get_id (PATHWAYS_RECORD (a));
      g_autofree char *what = activ_meaning (l->activ_codes, pathways_activity_get_activ (a));
      g_autofree char *from = pathways_date_format_uk (pathways_activity_get_start_date (a));
      g_autofree char *until = pathways_date_format_uk (pathways_activity_get_end_date (a));
      g_autofree char *when = pathways_activity_get_end_date (a)
                                /* Translators: an activity's dates, "From 01/09/2025 to 30/06/2026" */
                                ? g_strdup_printf (_("From %s to %s"), from, until)
                                /* Translators: an activity still going on, "From 01/09/2025" */
                                : g_strdup_printf (_("From %s"), from);
      GtkWidget *row = plain_row (what, when);
      GtkWidget *del = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (del, "flat");
      gtk_widget_set_tooltip_text (del, _("Delete activity"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (del), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete activity"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (del), "support.delete-activity");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (del), "x", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
      gtk_list_box_append (self->activities_list, row);
    }
  if (n_activities == 0)
    gtk_list_box_append (self->activities_list, plain_row (_("No education, employment or training recorded"), NULL));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysSupportSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      clear_list (self->contacts_list);
      gtk_list_box_append (self->contacts_list, plain_row (error->message, NULL));
      return;
    }
  fill (self, g_task_get_task_data (G_TASK (result)));
  self->loading = FALSE;
}

/* Add Activity… ---------------------------------------------------- */

typedef struct {
  PathwaysContext *context;
  gint64           person_id;
  GPtrArray       *codes;      /* dropdown position → ACTIV code */
  GtkDropDown     *activ;
  GtkEntry        *start;
  GtkEntry        *end;
  GHashTable      *errors;     /* field → GtkLabel ("" for the form) */
} ActivityForm;

static void
activity_form_free (gpointer data)
{
  ActivityForm *f = data;

  g_clear_object (&f->context);
  g_clear_pointer (&f->codes, g_ptr_array_unref);
  g_clear_object (&f->activ);
  g_clear_object (&f->start);
  g_clear_object (&f->end);
  g_clear_pointer (&f->errors, g_hash_table_unref);
  g_free (f);
}

static void
form_error (ActivityForm *f,
            GtkWidget    *dialog,
            const char   *field,
            const char   *message)
{
  GtkLabel *label = g_hash_table_lookup (f->errors, field ? field : "");

  if (label == NULL)
    label = g_hash_table_lookup (f->errors, "");
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL && !gtk_widget_get_visible (dialog))
    pathways_context_show_message (f->context, message);
}

static void
activity_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  ActivityForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (!pathways_planner_action_finish (PATHWAYS_STORE (source), result, NULL, &undo, &error))
    {
      g_autoptr(PathwaysRecord) probe = g_object_new (PATHWAYS_TYPE_ACTIVITY, NULL);
      const char *field = pathways_person_field_for_error (probe, error);

      form_error (f, GTK_WIDGET (dialog), field, error->message);
      return;
    }
  pathways_context_show_undoable (f->context, _("Activity added"), undo);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The date typed in @entry as ISO (NULL when empty); FALSE when it is not a date */
static gboolean
entry_date (GtkEntry  *entry,
            char     **out_iso)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  PathwaysDay day;

  *out_iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (!pathways_day_parse_user (text, &day, NULL))
    return FALSE;
  *out_iso = pathways_day_to_iso (day);
  return TRUE;
}

static void
activity_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  ActivityForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  PathwaysStore *store = pathways_context_get_store (f->context);
  g_autoptr(PathwaysRecord) activity = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint chosen = gtk_drop_down_get_selected (f->activ);
  gboolean ok = TRUE;
  GHashTableIter iter;
  gpointer label;

  if (!g_str_equal (response, "add") || store == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  g_hash_table_iter_init (&iter, f->errors);
  while (g_hash_table_iter_next (&iter, NULL, &label))
    gtk_widget_set_visible (label, FALSE);

  if (!entry_date (f->start, &start) || start == NULL)
    form_error (f, GTK_WIDGET (dialog), "start-date", _("Enter the day it started as DD/MM/YYYY")), ok = FALSE;
  if (!entry_date (f->end, &end))
    form_error (f, GTK_WIDGET (dialog), "end-date", _("Enter a date as DD/MM/YYYY, or leave it empty")), ok = FALSE;
  if (chosen >= f->codes->len)
    form_error (f, GTK_WIDGET (dialog), "activ", _("Choose what they do")), ok = FALSE;
  if (!ok)
    return;

  activity = g_object_new (PATHWAYS_TYPE_ACTIVITY, "young-person-id", f->person_id,
                           "activ", g_ptr_array_index (f->codes, chosen), "start-date", start, "end-date", end, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  pathways_planner_save_async (store, activity, NULL, activity_saved_cb, g_object_ref (dialog));
}

static void
add_labelled (ActivityForm *f,
              GtkBox       *box,
              const char   *field,
              const char   *caption,
              GtkWidget    *input)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (caption);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (box, label);
  gtk_box_append (box, input);
  gtk_box_append (box, error);
  g_hash_table_insert (f->errors, g_strdup (field), g_object_ref (error));
}

static void
add_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysSupportSection *self = PATHWAYS_SUPPORT_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = NULL;
  g_autofree char *uk = NULL;
  ActivityForm *f;
  GtkWidget *dialog, *box, *error;

  if (self->context == NULL || self->person_id == 0)
    return;
  f = g_new0 (ActivityForm, 1);
  f->context = g_object_ref (self->context);
  f->person_id = self->person_id;
  f->codes = g_ptr_array_new_with_free_func (g_free);
  f->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; self->activ_codes != NULL && i < g_list_model_get_n_items (self->activ_codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (self->activ_codes, i);
      const char *code = pathways_ref_code_get_code (c);
      g_autofree char *label = NULL;

      /* A code valid over several periods is offered once; the store
       * checks it against the start date */
      if (f->codes->len > 0 && g_str_equal (g_ptr_array_index (f->codes, f->codes->len - 1), code))
        continue;
      /* Translators: a 903 code and its meaning, "F1 — Full-time higher education" */
      label = g_strdup_printf (_("%s — %s"), code, pathways_ref_code_get_meaning (c));
      g_ptr_array_add (f->codes, g_strdup (code));
      gtk_string_list_append (labels, label);
    }
  today = pathways_context_dup_today (self->context);
  uk = pathways_date_format_uk (today);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  f->activ = GTK_DROP_DOWN (g_object_ref (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL)));
  f->start = GTK_ENTRY (g_object_ref (gtk_entry_new ()));
  gtk_editable_set_text (GTK_EDITABLE (f->start), uk);
  gtk_entry_set_placeholder_text (f->start, _("DD/MM/YYYY"));
  f->end = GTK_ENTRY (g_object_ref (gtk_entry_new ()));
  gtk_entry_set_placeholder_text (f->end, _("DD/MM/YYYY, empty while it goes on"));
  add_labelled (f, GTK_BOX (box), "activ", _("_What they do"), GTK_WIDGET (f->activ));
  add_labelled (f, GTK_BOX (box), "start-date", _("_From"), GTK_WIDGET (f->start));
  add_labelled (f, GTK_BOX (box), "end-date", _("_Until (optional)"), GTK_WIDGET (f->end));
  error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);
  g_hash_table_insert (f->errors, g_strdup (""), g_object_ref (error));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add Activity"),
                                   _("Education, employment or training, from a date."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", f, activity_form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (activity_response_cb), NULL);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  g_weak_ref_set (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysContext) context = user_data;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (!pathways_people_action_finish (PATHWAYS_STORE (source), result, &undo, &error))
    {
      pathways_context_show_error (context, error);
      return;
    }
  pathways_context_show_undoable (context, _("Activity deleted"), undo);
}

static void
delete_activity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwaysSupportSection *self = PATHWAYS_SUPPORT_SECTION (widget);
  gint64 id = g_variant_get_int64 (parameter);
  PathwaysStore *store = self->context ? pathways_context_get_store (self->context) : NULL;

  for (guint i = 0; store != NULL && self->activities != NULL && i < g_list_model_get_n_items (self->activities); i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (self->activities, i);

      /* Undoable from the toast: no question asked */
      if (pathways_record_get_id (a) == id)
        pathways_people_delete_async (store, a, NULL, deleted_cb, g_object_ref (self->context));
    }
}

static void
role_changed_cb (PathwaysSupportSection *self)
{
  gboolean may = pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_EDIT_PEOPLE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "support.add-activity", may);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "support.delete-activity", may);
}

/* GObject ---------------------------------------------------------- */

static void
pathways_support_section_dispose (GObject *object)
{
  PathwaysSupportSection *self = PATHWAYS_SUPPORT_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_SUPPORT_SECTION);
  g_clear_object (&self->context);
  g_clear_object (&self->activities);
  g_clear_object (&self->activ_codes);
  g_clear_pointer (&self->contact_titles, g_ptr_array_unref);
  g_weak_ref_clear (&self->dialog);

  G_OBJECT_CLASS (pathways_support_section_parent_class)->dispose (object);
}

static void
pathways_support_section_class_init (PathwaysSupportSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_support_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-support-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysSupportSection, box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSupportSection, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSupportSection, activities_list);

  gtk_widget_class_install_action (widget_class, "support.add-activity", NULL, add_activity_action);
  gtk_widget_class_install_action (widget_class, "support.delete-activity", "x", delete_activity_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "supportsection");
}

static void
pathways_support_section_init (PathwaysSupportSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->contact_titles = g_ptr_array_new_with_free_func (g_free);
  g_weak_ref_init (&self->dialog, NULL);
}

/* Public API ------------------------------------------------------- */

void
pathways_support_section_set_person (PathwaysSupportSection *self,
                                     PathwaysContext        *context,
                                     gint64                  person_id)
{
  PathwaysStore *store;
  g_autoptr(GTask) task = NULL;
  Loaded *l;

  g_return_if_fail (PATHWAYS_IS_SUPPORT_SECTION (self));
  g_return_if_fail (PATHWAYS_IS_CONTEXT (context));

  if (self->context != context)
    {
      g_set_object (&self->context, context);
      g_signal_connect_object (context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
      role_changed_cb (self);
    }
  self->person_id = person_id;
  store = pathways_context_get_store (context);
  if (store == NULL || person_id == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  l = g_new0 (Loaded, 1);
  l->person_id = person_id;
  task = g_task_new (store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_support_section_set_person);
  g_task_set_task_data (task, l, loaded_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
pathways_support_section_is_loading (PathwaysSupportSection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SUPPORT_SECTION (self), FALSE);
  return self->loading;
}

guint
pathways_support_section_get_n_contacts (PathwaysSupportSection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SUPPORT_SECTION (self), 0);
  return self->contact_titles->len;
}

const char *
pathways_support_section_get_contact_title (PathwaysSupportSection *self,
                                            guint                   position)
{
  g_return_val_if_fail (PATHWAYS_IS_SUPPORT_SECTION (self), NULL);
  return position < self->contact_titles->len ? g_ptr_array_index (self->contact_titles, position) : NULL;
}

guint
pathways_support_section_get_n_activities (PathwaysSupportSection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SUPPORT_SECTION (self), 0);
  return self->activities ? g_list_model_get_n_items (self->activities) : 0;
}

AdwMessageDialog *
pathways_support_section_get_dialog (PathwaysSupportSection *self)
{
  g_autoptr(GObject) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_SUPPORT_SECTION (self), NULL);
  dialog = g_weak_ref_get (&self->dialog);
  return (AdwMessageDialog *) dialog;  /* the window list keeps it */
}

void
pathways_support_section_dialog_set (AdwMessageDialog *dialog,
                                     const char       *field,
                                     const char       *value)
{
  ActivityForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_if_fail (f != NULL);
  if (g_str_equal (field, "start-date"))
    gtk_editable_set_text (GTK_EDITABLE (f->start), value ? value : "");
  else if (g_str_equal (field, "end-date"))
    gtk_editable_set_text (GTK_EDITABLE (f->end), value ? value : "");
  else
    for (guint i = 0; i < f->codes->len; i++)
      if (g_strcmp0 (g_ptr_array_index (f->codes, i), value) == 0)
        gtk_drop_down_set_selected (f->activ, i);
}

const char *
pathways_support_section_dialog_get_error (AdwMessageDialog *dialog,
                                           const char       *field)
{
  ActivityForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  GtkLabel *label;

  g_return_val_if_fail (f != NULL, NULL);
  label = g_hash_table_lookup (f->errors, field ? field : "");
  return label && gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}
