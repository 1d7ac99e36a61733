'use client';
import { Button } from '@payloadcms/ui';
import React, { useState } from 'react';
import type { UpdateServerKey } from '../../broker-admin/update-server-key.js';
import { styles } from './styles.js';

type Pending = { keyId: string; action: 'rotate' | 'revoke' } | undefined;

/**
 * The broker's update-server keys (never their secrets), with rotate and revoke buttons that ask
 * for confirmation in place.
 */
export const KeyTable: React.FC<{
  keys: UpdateServerKey[];
  isBusy: boolean;
  onRotate: (key: UpdateServerKey, overlapHours: number) => Promise<void>;
  onRevoke: (key: UpdateServerKey) => Promise<void>;
}> = ({ keys, isBusy, onRotate, onRevoke }) => {
  const [pending, setPending] = useState<Pending>();
  const [overlap, setOverlap] = useState('24');

  if (keys.length === 0) {
    return <p style={styles.hint}>This broker has no update-server keys yet.</p>;
  }
  const confirm = async (key: UpdateServerKey) => {
    const action = pending?.action;
    setPending(undefined);
    if (action === 'rotate') await onRotate(key, Number(overlap));
    if (action === 'revoke') await onRevoke(key);
  };

  return (
    <table style={styles.table} data-testid="key-table">
      <thead>
        <tr>
          {['Name', 'Key id', 'Writes', 'Status', 'Created', 'Expires', 'Last used', ''].map(
            (title) => (
              <th key={title} style={styles.cell}>
                {title}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} data-testid={`key-row-${key.id}`}>
            <td style={styles.cell}>{key.name}</td>
            <td style={styles.cell}>
              <code>{key.id}</code>
            </td>
            <td style={styles.cell}>{scopeText(key)}</td>
            <td style={styles.cell} data-testid="key-status">
              {key.status}
              {key.status === 'active' &&
                key.previousSecretValidUntil !== undefined &&
                ` (old key valid until ${dateText(key.previousSecretValidUntil)})`}
            </td>
            <td style={styles.cell}>{dateText(key.createdAt)}</td>
            <td style={styles.cell}>{dateText(key.expiresAt) || 'never'}</td>
            <td style={styles.cell}>{dateText(key.lastUsedAt) || 'never'}</td>
            <td style={styles.cell}>
              {key.status !== 'revoked' && pending?.keyId !== key.id && (
                <div style={styles.row}>
                  <Button
                    buttonStyle="secondary"
                    size="xsmall"
                    margin={false}
                    disabled={isBusy}
                    onClick={() => setPending({ keyId: key.id, action: 'rotate' })}
                  >
                    Rotate
                  </Button>
                  <Button
                    buttonStyle="error"
                    size="xsmall"
                    margin={false}
                    disabled={isBusy}
                    onClick={() => setPending({ keyId: key.id, action: 'revoke' })}
                  >
                    Revoke
                  </Button>
                </div>
              )}
              {pending?.keyId === key.id && (
                <div style={styles.row} data-testid="confirm">
                  {pending.action === 'rotate' ? (
                    <label style={styles.label}>
                      Old key keeps working for (hours)
                      <input
                        style={styles.input}
                        type="number"
                        min={0}
                        max={720}
                        value={overlap}
                        onChange={(event) => setOverlap(event.target.value)}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter') event.preventDefault();
                        }}
                      />
                    </label>
                  ) : (
                    <span style={styles.warning}>Revoke? Writes with it fail at once.</span>
                  )}
                  <Button
                    buttonStyle={pending.action === 'revoke' ? 'error' : 'primary'}
                    size="xsmall"
                    margin={false}
                    disabled={isBusy}
                    onClick={() => void confirm(key)}
                  >
                    {pending.action === 'revoke' ? 'Confirm revoke' : 'Confirm rotate'}
                  </Button>
                  <Button
                    buttonStyle="secondary"
                    size="xsmall"
                    margin={false}
                    onClick={() => setPending(undefined)}
                  >
                    Cancel
                  </Button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

function scopeText(key: UpdateServerKey): string {
  return key.scopes
    .map((scope) => `${scope.entityTypes.join(', ')} in ${scope.tenants.join(', ')}`)
    .join('; ');
}

function dateText(iso: string | null): string {
  return iso === null || iso === '' ? '' : new Date(iso).toLocaleString();
}
