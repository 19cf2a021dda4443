/* pathways-contact-dialog.c — recording a contact with a young person
 *
 * A message dialog with the type of contact, its day (today unless
 * changed) and a note.  A day that is not a date says so under it and
 * the dialog stays; the store refuses a day before birth or in the
 * future with the sentence shown the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-contact-dialog.h"
#include "pathways-core.h"

typedef struct {
  PathwaysContext *context;
  gint64           person_id;
  GtkDropDown     *kind;
  GtkEntry        *day;
  GtkEntry        *note;
  GtkLabel        *error;
} ContactForm;

static void
form_free (gpointer data)
{
  ContactForm *f = data;

  g_clear_object (&f->context);
  g_clear_object (&f->kind);
  g_clear_object (&f->day);
  g_clear_object (&f->note);
  g_clear_object (&f->error);
  g_free (f);
}

/* Under the fields, and as a toast when the dialog has gone already */
static void
show_error (ContactForm *f,
            GtkWidget   *dialog,
            const char  *message)
{
  gtk_label_set_label (f->error, message);
  gtk_widget_set_visible (GTK_WIDGET (f->error), message != NULL);
  if (message != NULL && !gtk_widget_get_visible (dialog))
    pathways_context_show_message (f->context, message);
}

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  ContactForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (!pathways_people_action_finish (PATHWAYS_STORE (source), result, &undo, &error))
    {
      show_error (f, GTK_WIDGET (dialog), error->message);
      return;
    }
  pathways_context_show_undoable (f->context, _("Contact recorded"), undo);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  ContactForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  PathwaysStore *store = pathways_context_get_store (f->context);
  g_autoptr(PathwaysContact) contact = NULL;
  guint n_kinds;
  const PathwaysVocabEntry *kinds = pathways_vocab_entries (PATHWAYS_VOCAB_CONTACT_KIND, &n_kinds);
  guint kind = gtk_drop_down_get_selected (f->kind);
  PathwaysDay day;

  if (!g_str_equal (response, "record") || store == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  if (!pathways_day_parse_user (gtk_editable_get_text (GTK_EDITABLE (f->day)), &day, NULL))
    {
      show_error (f, GTK_WIDGET (dialog), _("Enter the date of contact as DD/MM/YYYY"));
      return;
    }
  {
    g_autofree char *iso = pathways_day_to_iso (day);
    const char *note = gtk_editable_get_text (GTK_EDITABLE (f->note));

    contact = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id", f->person_id, "contact-date", iso,
                            "kind", kind < n_kinds ? kinds[kind].code : NULL,
                            "note", note[0] != '\0' ? note : NULL, NULL);
  }
  show_error (f, GTK_WIDGET (dialog), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  pathways_people_record_contact_async (store, contact, NULL, recorded_cb, g_object_ref (dialog));
}

AdwMessageDialog *
pathways_contact_dialog_present (GtkWindow       *parent,
                                 PathwaysContext *context,
                                 gint64           person_id)
{
  ContactForm *f = g_new0 (ContactForm, 1);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *today = pathways_context_dup_today (context);
  g_autofree char *uk = pathways_date_format_uk (today);
  const PathwaysVocabEntry *entries;
  GtkWidget *dialog, *box;
  guint n;

  f->context = g_object_ref (context);
  f->person_id = person_id;

  entries = pathways_vocab_entries (PATHWAYS_VOCAB_CONTACT_KIND, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (kinds, pathways_vocab_label (PATHWAYS_VOCAB_CONTACT_KIND, entries[i].code));

  dialog = adw_message_dialog_new (parent, _("Record Contact"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  f->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type of contact"), -1);
  f->day = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (f->day), uk);
  gtk_entry_set_placeholder_text (f->day, _("DD/MM/YYYY"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->day), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date of contact"), -1);
  f->note = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (f->note, _("Note (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  f->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (f->error, TRUE);
  gtk_label_set_xalign (f->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->day));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->note));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->error));
  /* Kept past the dialog's end: an answer may come after it closed */
  g_object_ref (f->kind);
  g_object_ref (f->day);
  g_object_ref (f->note);
  g_object_ref (f->error);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", f, form_free);
  /* The dialog closes itself only when the contact is recorded */
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

void
pathways_contact_dialog_fill (AdwMessageDialog *dialog,
                              const char       *kind,
                              const char       *day,
                              const char       *note)
{
  ContactForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  const PathwaysVocabEntry *entries;
  guint n;

  g_return_if_fail (f != NULL);
  entries = pathways_vocab_entries (PATHWAYS_VOCAB_CONTACT_KIND, &n);
  for (guint i = 0; kind != NULL && i < n; i++)
    if (g_str_equal (entries[i].code, kind))
      gtk_drop_down_set_selected (f->kind, i);
  if (day != NULL)
    gtk_editable_set_text (GTK_EDITABLE (f->day), day);
  gtk_editable_set_text (GTK_EDITABLE (f->note), note ? note : "");
}

const char *
pathways_contact_dialog_get_error (AdwMessageDialog *dialog)
{
  ContactForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_val_if_fail (f != NULL, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (f->error)) ? gtk_label_get_label (f->error) : NULL;
}
