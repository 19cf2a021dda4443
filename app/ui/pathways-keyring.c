/* pathways-keyring.c — team server passwords in the desktop's keyring
 *
 * Synchronous: called from worker threads (opening the store, the Team
 * Server preferences' Connect), never on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "pathways-keyring.h"

static const SecretSchema *
team_server_schema (void)
{
  static const SecretSchema schema = {
    "io.github.carepathways.Pathways.TeamServer", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* No Secret Service on this desktop (a server session, a test): not an
 * error, there is simply no keyring */
static gboolean
no_keyring (GError *error)
{
  return error != NULL &&
         (error->domain == G_DBUS_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED));
}

char *
pathways_keyring_lookup (const char    *address,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;
  char *copy;

  g_return_val_if_fail (address != NULL, NULL);

  secret = secret_password_lookup_sync (team_server_schema (), cancellable, &local_error, "address", address, NULL);
  if (secret == NULL)
    {
      if (local_error != NULL && !no_keyring (local_error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (local_error != NULL)
        g_debug ("No keyring: %s", local_error->message);
      return NULL;
    }
  /* libsecret's memory is wiped when freed; the copy is wiped by its user */
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

gboolean
pathways_keyring_store (const char    *address,
                        const char    *password,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  /* Translators: the keyring entry's name; %s is the team server's address */
  label = g_strdup_printf (_("Pathways team server %s"), address);
  return secret_password_store_sync (team_server_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     cancellable, error, "address", address, NULL);
}

gboolean
pathways_keyring_forget (const char    *address,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (address != NULL, FALSE);

  if (!secret_password_clear_sync (team_server_schema (), cancellable, &local_error, "address", address, NULL) &&
      local_error != NULL && !no_keyring (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
