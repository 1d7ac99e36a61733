'use client';
import { Button } from '@payloadcms/ui';
import React, { useState } from 'react';
import { styles } from './styles.js';

/** A key fresh from the broker, kept in memory only until the admin closes the box. */
export interface ShownKey {
  id: string;
  name: string;
  key: string;
  /** Set after a rotation: when the previous key stops working. */
  previousSecretValidUntil?: string | undefined;
}

/**
 * The new key, shown once in a read-only box with a copy button. Nothing stores it: closing the
 * box (or leaving the page) forgets it.
 */
export const NewKeyBox: React.FC<{ shown: ShownKey; onClose: () => void }> = ({
  shown,
  onClose,
}) => {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div style={styles.panel} data-testid="new-key" role="region" aria-label="New key">
      <p style={styles.warning}>
        Key for “{shown.name}” — shown once: copy it now into the update server&apos;s
        configuration. It cannot be shown again.
      </p>
      <input
        readOnly
        value={shown.key}
        aria-label="New key (shown once)"
        data-testid="new-key-value"
        style={styles.secret}
        onFocus={(event) => event.currentTarget.select()}
      />
      {shown.previousSecretValidUntil !== undefined && (
        <p style={styles.hint}>
          The previous key keeps working until{' '}
          {new Date(shown.previousSecretValidUntil).toLocaleString()}.
        </p>
      )}
      <div style={{ ...styles.row, marginTop: 8 }}>
        <Button buttonStyle="primary" size="small" margin={false} onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
        <Button buttonStyle="secondary" size="small" margin={false} onClick={onClose}>
          Done, hide the key
        </Button>
        {copied === 'failed' && (
          <span style={styles.failed}>Copy failed: select the key and copy it by hand.</span>
        )}
      </div>
    </div>
  );
};
