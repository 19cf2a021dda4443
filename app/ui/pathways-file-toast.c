/* pathways-file-toast.c — "Saved as …" with Open and Show in Files
 *
 * AdwToast (libadwaita 1.2) has one button: Open is the toast's own;
 * Show in Files is a flat button in its custom title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-file-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-file-toast.h"

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager service: its folder */
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;

      g_debug ("FileManager1.ShowItems: %s", error->message);
      if (uri != NULL)
        gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
    }
}

static void
show_in_files_clicked_cb (GtkButton *button,
                          GFile     *file)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      show_items_cb (NULL, NULL, g_object_ref (file));
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          show_items_cb, g_object_ref (file));
}

/**
 * pathways_file_toast_new:
 *
 * Returns: (transfer full): the toast
 */
AdwToast *
pathways_file_toast_new (const char *title,
                         GFile      *file)
{
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *show = gtk_button_new_with_label (_("Show in Files"));

  g_return_val_if_fail (G_IS_FILE (file), toast);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (show, "flat");
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), show);
  g_signal_connect_data (show, "clicked", G_CALLBACK (show_in_files_clicked_cb), g_object_ref (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb), g_object_ref (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return toast;
}
