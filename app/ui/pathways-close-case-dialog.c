/* pathways-close-case-dialog.c — closing a young person's case
 *
 * A confirmation (the destructive answer is "Close Case") with the
 * reason, from the core's list, and the day support ended (today unless
 * changed).  A day that is not a date says so under the fields and the
 * dialog stays; the store refuses a day before birth or in the future
 * the same way.  Closed, the young person leaves the caseload and the
 * timelines and stays findable under Archived; a toast offers Undo and
 * the page shows a banner with Reopen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-close-case-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-close-case-dialog.h"
#include "pathways-core.h"
#include "pathways-page.h"
#include "pathways-person-page.h"

typedef struct {
  PathwaysContext *context;
  gint64           person_id;
  char            *name;
  GtkDropDown     *reason;
  GtkEntry        *day;
  GtkLabel        *error;
} CloseForm;

static void
form_free (gpointer data)
{
  CloseForm *f = data;

  g_clear_object (&f->context);
  g_free (f->name);
  g_clear_object (&f->reason);
  g_clear_object (&f->day);
  g_clear_object (&f->error);
  g_free (f);
}

/* Under the fields, and as a toast when the dialog has gone already */
static void
show_error (CloseForm  *f,
            GtkWidget  *dialog,
            const char *message)
{
  gtk_label_set_label (f->error, message);
  gtk_widget_set_visible (GTK_WIDGET (f->error), message != NULL);
  if (message != NULL && !gtk_widget_get_visible (dialog))
    pathways_context_show_message (f->context, message);
}

static void
closed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  CloseForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (!pathways_people_action_finish (PATHWAYS_STORE (source), result, &undo, &error))
    {
      show_error (f, GTK_WIDGET (dialog), error->message);
      return;
    }
  /* Translators: a toast, "Case of Amara Okafor closed" */
  message = g_strdup_printf (_("Case of %s closed"), f->name);
  pathways_context_show_undoable (f->context, message, undo);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  CloseForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  PathwaysStore *store = pathways_context_get_store (f->context);
  guint n_reasons;
  const PathwaysVocabEntry *reasons = pathways_vocab_entries (PATHWAYS_VOCAB_CLOSE_REASON, &n_reasons);
  guint reason = gtk_drop_down_get_selected (f->reason);
  g_autofree char *iso = NULL;
  PathwaysDay day;

  if (!g_str_equal (response, "close") || store == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  if (!pathways_day_parse_user (gtk_editable_get_text (GTK_EDITABLE (f->day)), &day, NULL))
    {
      show_error (f, GTK_WIDGET (dialog), _("Enter the day support ended as DD/MM/YYYY"));
      return;
    }
  iso = pathways_day_to_iso (day);
  show_error (f, GTK_WIDGET (dialog), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  pathways_people_close_case_async (store, f->person_id, iso,
                                    reason < n_reasons ? reasons[reason].code : NULL,
                                    NULL, closed_cb, g_object_ref (dialog));
}

AdwMessageDialog *
pathways_close_case_dialog_present (GtkWindow       *parent,
                                    PathwaysContext *context,
                                    gint64           person_id,
                                    const char      *name)
{
  CloseForm *f = g_new0 (CloseForm, 1);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autofree char *today = pathways_context_dup_today (context);
  g_autofree char *uk = pathways_date_format_uk (today);
  g_autofree char *body = NULL;
  const PathwaysVocabEntry *entries;
  GtkWidget *dialog, *box;
  guint n;

  f->context = g_object_ref (context);
  f->person_id = person_id;
  f->name = g_strdup (name ? name : _("this young person"));

  entries = pathways_vocab_entries (PATHWAYS_VOCAB_CLOSE_REASON, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (reasons, pathways_vocab_label (PATHWAYS_VOCAB_CLOSE_REASON, entries[i].code));

  /* Translators: %s is the young person's name */
  body = g_strdup_printf (_("%s will leave the caseload and the timelines, and stay findable under Archived. "
                            "Their record is kept as the retention setting says."), f->name);
  dialog = adw_message_dialog_new (parent, _("Close Case?"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  f->reason = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (reasons)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason the case was closed"), -1);
  f->day = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (f->day), uk);
  gtk_entry_set_placeholder_text (f->day, _("DD/MM/YYYY"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->day), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day support ended"), -1);
  f->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (f->error, TRUE);
  gtk_label_set_xalign (f->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->reason));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->day));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->error));
  /* Kept past the dialog's end: an answer may come after it closed */
  g_object_ref (f->reason);
  g_object_ref (f->day);
  g_object_ref (f->error);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close", _("C_lose Case"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", f, form_free);
  /* The dialog closes itself only when the case is closed */
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
close_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysPersonPage *page = PATHWAYS_PERSON_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 person = pathways_person_page_get_person_id (page);

  if (person <= 0)
    return;
  pathways_close_case_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      pathways_page_get_context (PATHWAYS_PAGE (page)), person,
                                      pathways_page_get_title (PATHWAYS_PAGE (page)));
}

void
pathways_close_case_dialog_install_action (GtkWidgetClass *widget_class,
                                           const char     *action_name)
{
  gtk_widget_class_install_action (widget_class, action_name, NULL, close_case_action);
}

void
pathways_close_case_dialog_fill (AdwMessageDialog *dialog,
                                 const char       *reason,
                                 const char       *day)
{
  CloseForm *f = g_object_get_data (G_OBJECT (dialog), "form");
  const PathwaysVocabEntry *entries;
  guint n;

  g_return_if_fail (f != NULL);
  entries = pathways_vocab_entries (PATHWAYS_VOCAB_CLOSE_REASON, &n);
  for (guint i = 0; reason != NULL && i < n; i++)
    if (g_str_equal (entries[i].code, reason))
      gtk_drop_down_set_selected (f->reason, i);
  if (day != NULL)
    gtk_editable_set_text (GTK_EDITABLE (f->day), day);
}

const char *
pathways_close_case_dialog_get_error (AdwMessageDialog *dialog)
{
  CloseForm *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_val_if_fail (f != NULL, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (f->error)) ? gtk_label_get_label (f->error) : NULL;
}
