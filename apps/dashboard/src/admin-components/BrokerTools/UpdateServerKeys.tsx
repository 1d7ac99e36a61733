'use client';
import React, { useCallback, useEffect, useState } from 'react';
import type { UpdateServerKey } from '../../broker-admin/update-server-key.js';
import type { BrokerToolsApi, NewKeyRequest } from './broker-tools-api.js';
import { CreateKeyForm } from './CreateKeyForm.js';
import { KeyTable } from './KeyTable.js';
import { NewKeyBox, type ShownKey } from './NewKeyBox.js';
import { styles } from './styles.js';

/**
 * The update-server keys of the broker: list, create, rotate, revoke — through the dashboard's
 * endpoints, which call the broker's key API with the broker's stored admin key.
 */
export const UpdateServerKeys: React.FC<{ api: BrokerToolsApi }> = ({ api }) => {
  const [keys, setKeys] = useState<UpdateServerKey[] | undefined>();
  const [shown, setShown] = useState<ShownKey | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setKeys(await api.listKeys());
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs one change, shows its error, reloads the list. */
  const change = async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const create = (request: NewKeyRequest) =>
    change(async () => {
      const created = await api.createKey(request);
      setShown({ id: created.id, name: created.name, key: created.key });
    });
  const rotate = async (key: UpdateServerKey, overlapHours: number) => {
    await change(async () => {
      const rotated = await api.rotateKey(key.id, overlapHours);
      setShown({
        id: rotated.id,
        name: rotated.name,
        key: rotated.key,
        previousSecretValidUntil: rotated.previousSecretValidUntil,
      });
    });
  };
  const revoke = async (key: UpdateServerKey) => {
    await change(async () => {
      await api.revokeKey(key.id);
      if (shown?.id === key.id) setShown(undefined);
    });
  };

  return (
    <section style={styles.panel} data-testid="update-server-keys">
      <h3 style={styles.heading}>Update-server keys</h3>
      <p style={styles.hint}>
        Write keys for update servers, each limited to its entity types on this broker&apos;s
        tenant. The broker keeps only a hash: a key is shown once, when created or rotated.
      </p>
      {shown !== undefined && <NewKeyBox shown={shown} onClose={() => setShown(undefined)} />}
      {error !== undefined && (
        <p role="alert" style={styles.error} data-testid="keys-error">
          {error}
        </p>
      )}
      {keys === undefined && error === undefined && <p style={styles.hint}>Loading keys…</p>}
      {keys !== undefined && (
        <KeyTable keys={keys} isBusy={isBusy} onRotate={rotate} onRevoke={revoke} />
      )}
      <CreateKeyForm isBusy={isBusy} onCreate={create} />
    </section>
  );
};
