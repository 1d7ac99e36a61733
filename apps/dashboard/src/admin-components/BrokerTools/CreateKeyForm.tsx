'use client';
import { Button } from '@payloadcms/ui';
import React, { useState } from 'react';
import type { NewKeyRequest } from './broker-tools-api.js';
import { styles } from './styles.js';

/**
 * Name, entity types (comma-separated) and expiry of a new update-server key. Not a <form>: it
 * sits inside Payload's document form, so Enter is caught here instead of saving the broker.
 */
export const CreateKeyForm: React.FC<{
  isBusy: boolean;
  onCreate: (request: NewKeyRequest) => Promise<boolean>;
}> = ({ isBusy, onCreate }) => {
  const [name, setName] = useState('');
  const [types, setTypes] = useState('');
  const [days, setDays] = useState('');

  const submit = async () => {
    const entityTypes = types
      .split(',')
      .map((type) => type.trim())
      .filter((type) => type !== '');
    const request: NewKeyRequest = { name: name.trim(), entityTypes };
    if (days.trim() !== '') request.expiresInDays = Number(days);
    if (await onCreate(request)) {
      setName('');
      setTypes('');
      setDays('');
    }
  };
  const onEnter = (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!isBusy) void submit();
  };

  return (
    <div data-testid="create-key" onKeyDown={onEnter}>
      <h4 style={styles.heading}>New update-server key</h4>
      <div style={styles.row}>
        <label style={styles.label}>
          Name
          <input
            style={styles.input}
            value={name}
            maxLength={100}
            placeholder="weather-station-updater"
            onChange={(event) => setName(event.target.value)}
            data-testid="key-name"
          />
        </label>
        <label style={{ ...styles.label, flex: 1 }}>
          Entity types (comma-separated)
          <input
            style={styles.input}
            value={types}
            placeholder="WeatherObserved, AirQualityObserved"
            onChange={(event) => setTypes(event.target.value)}
            data-testid="key-entity-types"
          />
        </label>
        <label style={styles.label}>
          Expires after (days, optional)
          <input
            style={styles.input}
            value={days}
            type="number"
            min={1}
            max={3650}
            step={1}
            onChange={(event) => setDays(event.target.value)}
            data-testid="key-expiry-days"
          />
        </label>
        <Button
          buttonStyle="primary"
          size="small"
          margin={false}
          disabled={isBusy}
          onClick={() => void submit()}
          extraButtonProps={{ 'data-testid': 'create-key-button' }}
        >
          Create key
        </Button>
      </div>
    </div>
  );
};
