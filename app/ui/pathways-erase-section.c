/* pathways-erase-section.c — erasing a young person's records after the
 * retention period, from their page
 *
 * At the foot of the page of a young person whose case is closed and
 * whose retention period has ended, for a role that may erase (a
 * manager or an administrator on a team server; the one user of an
 * embedded database): "Erase Records…".  The dialog names the young
 * person and says what will happen; its destructive button is enabled
 * only once their local child ID is typed.  The erasure is the core's
 * pathways_store_erase_person() (the same as `pathways-cli erase`), run
 * in a worker thread; a toast says what was done and the window goes
 * back to the caseload.  It cannot be undone, so it is confirmed first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-erase"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-erase-section.h"

struct _PathwaysEraseSection
{
  GtkWidget            parent_instance;

  PathwaysContext     *context;
  PathwaysYoungPerson *person;
  char                *retention_end;   /* ISO, for the person shown */
  GCancellable        *cancellable;     /* the retention check under way */
  gboolean             checking;
  AdwMessageDialog    *dialog;          /* weak */

  /* Template widgets */
  GtkLabel            *explanation_label;
};

G_DEFINE_FINAL_TYPE (PathwaysEraseSection, pathways_erase_section, GTK_TYPE_WIDGET)

static char *
dup_name (PathwaysYoungPerson *person)
{
  /* Translators: a young person's given name and family name */
  return g_strdup_printf (_("%s %s"), pathways_young_person_get_given_name (person),
                          pathways_young_person_get_family_name (person));
}

static gboolean
offered (PathwaysEraseSection *self)
{
  g_autofree char *today = NULL;

  if (self->context == NULL || self->person == NULL || self->retention_end == NULL ||
      pathways_context_get_store (self->context) == NULL ||
      pathways_store_get_read_only_reason (pathways_context_get_store (self->context)) != NULL ||
      !pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_ERASE))
    return FALSE;
  today = pathways_context_dup_today (self->context);
  return pathways_rules_may_erase_records (pathways_record_get_string (PATHWAYS_RECORD (self->person), "closed-on"),
                                           self->retention_end, today);
}

static void
update (PathwaysEraseSection *self)
{
  gboolean show = offered (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "erase.records", show);
  if (show)
    {
      g_autofree char *name = dup_name (self->person);
      g_autofree char *end = pathways_date_format_long (self->retention_end);
      g_autofree char *text =
        g_strdup_printf (_("The retention period for %s’s records ended on %s and their case is closed, so "
                           "their records may now be erased."), name, end);

      gtk_label_set_label (self->explanation_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), show);
}

/* The retention period's end, off the main thread --------------------- */

static void
retention_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  char *end = pathways_store_dup_retention_end (source_object, *(gint64 *) task_data, &error);

  if (end == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, end, g_free);
}

static void
retention_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PathwaysEraseSection) self = user_data;
  g_autoptr(GError) error = NULL;
  char *end = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->checking = FALSE;
  g_free (self->retention_end);
  self->retention_end = end;  /* NULL (not offered) when it cannot be known */
  update (self);
}

static void
role_changed_cb (PathwaysEraseSection *self)
{
  update (self);
}

void
pathways_erase_section_set_person (PathwaysEraseSection *self,
                                   PathwaysContext      *context,
                                   PathwaysYoungPerson  *person)
{
  PathwaysStore *store;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PATHWAYS_IS_ERASE_SECTION (self));

  if (self->context != context)
    {
      if (self->context != NULL)
        g_signal_handlers_disconnect_by_func (self->context, role_changed_cb, self);
      g_set_object (&self->context, context);
      if (context != NULL)
        g_signal_connect_object (context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->person, person);
  g_clear_pointer (&self->retention_end, g_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->checking = FALSE;
  update (self);

  store = context ? pathways_context_get_store (context) : NULL;
  if (store == NULL || person == NULL ||
      !pathways_role_may (pathways_context_get_role (context), PATHWAYS_MAY_ERASE) ||
      pathways_record_get_string (PATHWAYS_RECORD (person), "closed-on") == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->checking = TRUE;
  task = g_task_new (store, self->cancellable, retention_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_erase_section_set_person);
  g_task_set_task_data (task, g_memdup2 (&(gint64) { pathways_record_get_id (PATHWAYS_RECORD (person)) },
                                         sizeof (gint64)), g_free);
  g_task_run_in_thread (task, retention_thread);
}

/* The dialog ----------------------------------------------------------- */

typedef struct {
  PathwaysContext *context;
  GtkWidget       *section;     /* weak: for going back once erased */
  gint64           person_id;
  char            *local_id;
  char            *name;
  GtkEntry        *entry;
  GtkLabel        *error;
} EraseForm;

static void
form_free (gpointer data)
{
  EraseForm *f = data;

  g_clear_object (&f->context);
  g_clear_weak_pointer (&f->section);
  g_free (f->local_id);
  g_free (f->name);
  g_clear_object (&f->entry);
  g_clear_object (&f->error);
  g_free (f);
}

static void
confirmation_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  EraseForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "erase", g_str_equal (typed, f->local_id));
}

static void
erased_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  EraseForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 n = 0;

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (!pathways_store_erase_person_finish (PATHWAYS_STORE (source), result, &n, &error))
    {
      gtk_label_set_label (f->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (f->error), TRUE);
      if (!gtk_widget_get_visible (GTK_WIDGET (dialog)))
        pathways_context_show_error (f->context, error);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s’s records were erased and %" G_GINT64_FORMAT " audit row redacted",
                                          "%s’s records were erased and %" G_GINT64_FORMAT " audit rows redacted",
                                          n), f->name, n);
  pathways_context_show_message (f->context, message);
  /* Their page has nothing left to show */
  if (f->section != NULL)
    gtk_widget_activate_action (f->section, "win.back", NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  EraseForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  PathwaysStore *store = pathways_context_get_store (f->context);

  if (!g_str_equal (response, "erase") || store == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  pathways_store_erase_person_async (store, f->person_id, NULL, erased_cb, g_object_ref (dialog));
}

static void
erase_records_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PathwaysEraseSection *self = PATHWAYS_ERASE_SECTION (widget);
  EraseForm *f;
  GtkWidget *dialog, *box, *prompt;
  GtkRoot *root;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *ask = NULL;

  if (!offered (self))
    return;

  f = g_new0 (EraseForm, 1);
  f->context = g_object_ref (self->context);
  g_set_weak_pointer (&f->section, widget);
  f->person_id = pathways_record_get_id (PATHWAYS_RECORD (self->person));
  f->local_id = g_strdup (pathways_young_person_get_local_id (self->person));
  f->name = dup_name (self->person);

  heading = g_strdup_printf (_("Erase %s’s Records?"), f->name);
  body = g_strdup_printf (_("Every record of %s (%s) will be deleted: their profile, accommodation, moves, "
                            "milestones, notes, contacts and care history. The content of their rows in the "
                            "audit log is replaced by a redaction mark, and the erasure itself is recorded. "
                            "This cannot be undone."), f->name, f->local_id);
  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  ask = g_strdup_printf (_("To confirm, type their local child ID, %s"), f->local_id);
  prompt = gtk_label_new (ask);
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  f->entry = GTK_ENTRY (g_object_ref_sink (gtk_entry_new ()));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Local child ID, to confirm the erasure"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (f->entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, prompt, NULL, -1);
  f->error = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
  gtk_label_set_wrap (f->error, TRUE);
  gtk_label_set_xalign (f->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
  gtk_box_append (GTK_BOX (box), prompt);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->error));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "erase", _("_Erase Records"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "erase", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", f, form_free);
  g_signal_connect (f->entry, "changed", G_CALLBACK (confirmation_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);

  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (f->entry));
}

/* GObject -------------------------------------------------------------- */

static void
pathways_erase_section_dispose (GObject *object)
{
  PathwaysEraseSection *self = PATHWAYS_ERASE_SECTION (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_ERASE_SECTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pathways_erase_section_parent_class)->dispose (object);
}

static void
pathways_erase_section_finalize (GObject *object)
{
  PathwaysEraseSection *self = PATHWAYS_ERASE_SECTION (object);

  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_free (self->retention_end);
  G_OBJECT_CLASS (pathways_erase_section_parent_class)->finalize (object);
}

static void
pathways_erase_section_class_init (PathwaysEraseSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_erase_section_dispose;
  object_class->finalize = pathways_erase_section_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/carepathways/Pathways/pathways-erase-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysEraseSection, explanation_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "erase.records", NULL, erase_records_action);
}

static void
pathways_erase_section_init (PathwaysEraseSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "erase.records", FALSE);
}

GtkWidget *
pathways_erase_section_new (void)
{
  return g_object_new (PATHWAYS_TYPE_ERASE_SECTION, NULL);
}

gboolean
pathways_erase_section_is_offered (PathwaysEraseSection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_ERASE_SECTION (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self)) && offered (self);
}

gboolean
pathways_erase_section_is_checking (PathwaysEraseSection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_ERASE_SECTION (self), FALSE);
  return self->checking;
}

AdwMessageDialog *
pathways_erase_section_get_dialog (PathwaysEraseSection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_ERASE_SECTION (self), NULL);
  return self->dialog;
}

void
pathways_erase_dialog_type_confirmation (AdwMessageDialog *dialog,
                                         const char       *text)
{
  EraseForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_if_fail (f != NULL);
  gtk_editable_set_text (GTK_EDITABLE (f->entry), text);
}

const char *
pathways_erase_dialog_get_error (AdwMessageDialog *dialog)
{
  EraseForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_val_if_fail (f != NULL, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (f->error)) ? gtk_label_get_label (f->error) : NULL;
}
