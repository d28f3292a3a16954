import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { WsConnectionState } from './WsClient';

const initialState: WsConnectionState = { status: 'idle', attempt: 0, retryAt: null, lastError: null };

/** The /ws connection's state in the store, for the header's indicator and any page that cares. */
const wsSlice = createSlice({
  name: 'ws',
  initialState,
  reducers: {
    wsStateChanged: (_state, action: PayloadAction<WsConnectionState>) => action.payload,
  },
});

export const { wsStateChanged } = wsSlice.actions;
export const wsReducer = wsSlice.reducer;
