'use client';
import { Button } from '@payloadcms/ui';
import React, { useState } from 'react';
import type { ConnectionReport } from '../../broker-admin/test-broker-connection.js';
import type { BrokerToolsApi } from './broker-tools-api.js';
import { styles } from './styles.js';

/** "Test connection": runs the server-side checks of the saved broker and lists the results. */
export const ConnectionTest: React.FC<{ api: BrokerToolsApi }> = ({ api }) => {
  const [report, setReport] = useState<ConnectionReport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api.testConnection());
    } catch (failure) {
      setReport(undefined);
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section style={styles.panel} data-testid="connection-test">
      <h3 style={styles.heading}>Connection</h3>
      <p style={styles.hint}>
        Checks the saved URL, read key and admin key (save your changes first).
      </p>
      <Button
        buttonStyle="secondary"
        size="small"
        margin={false}
        disabled={isBusy}
        onClick={() => void run()}
        extraButtonProps={{ 'data-testid': 'test-connection' }}
      >
        {isBusy ? 'Testing…' : 'Test connection'}
      </Button>
      {error !== undefined && (
        <p role="alert" style={styles.error}>
          {error}
        </p>
      )}
      {report !== undefined && (
        <ul style={styles.list} data-testid="connection-result" aria-live="polite">
          {report.checks.map((check) => (
            <li key={check.name} data-ok={check.ok}>
              <span style={check.ok ? styles.ok : styles.failed} aria-hidden>
                {check.ok ? '✔' : '✘'}
              </span>{' '}
              <strong>{check.name}</strong>: {check.detail}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
