// What the React Flow bench page loads: the library, React 19 and ReactDOM, nothing else.
export { ReactFlow, Handle, Position } from '@xyflow/react';
export { createElement, memo } from 'react';
export { createRoot } from 'react-dom/client';
