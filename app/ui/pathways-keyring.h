/* pathways-keyring.h — team server passwords in the desktop's keyring
 *
 * A password for a team server address is kept by the Secret Service
 * (GNOME Keyring, KWallet) through libsecret, never in GSettings.  The
 * address is stored as given, without the password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* NULL without an error when none is kept, or there is no keyring */
char     *pathways_keyring_lookup (const char    *address,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean  pathways_keyring_store  (const char    *address,
                                   const char    *password,
                                   GCancellable  *cancellable,
                                   GError       **error);
gboolean  pathways_keyring_forget (const char    *address,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
