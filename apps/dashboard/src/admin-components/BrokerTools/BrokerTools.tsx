'use client';
import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui';
import React, { useMemo } from 'react';
import { brokerToolsApi } from './broker-tools-api.js';
import { ConnectionTest } from './ConnectionTest.js';
import { styles } from './styles.js';
import { UpdateServerKeys } from './UpdateServerKeys.js';

/**
 * The broker edit view's tools (a Payload `ui` field): "Test connection" and the update-server
 * keys panel. Shown to admins only; the endpoints check the role again on the server, which is
 * the check that counts.
 */
export const BrokerTools: React.FC = () => {
  const { user } = useAuth();
  const { id } = useDocumentInfo();
  const { config } = useConfig();
  const apiBase = `${config.serverURL ?? ''}${config.routes.api}`;
  const api = useMemo(
    () => (id === undefined ? undefined : brokerToolsApi(apiBase, id)),
    [apiBase, id],
  );
  const roles = (user as { roles?: unknown } | null)?.roles;
  if (!Array.isArray(roles) || !roles.includes('admin')) return null;
  if (api === undefined) {
    return (
      <div style={styles.panel} data-testid="broker-tools">
        <p style={styles.hint}>
          Save the broker first: then you can test its connection and manage update-server keys.
        </p>
      </div>
    );
  }
  return (
    <div data-testid="broker-tools">
      <ConnectionTest api={api} />
      <UpdateServerKeys api={api} />
    </div>
  );
};
