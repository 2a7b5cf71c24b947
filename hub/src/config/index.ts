// Configuration: interline.yaml plus environment, validated at start.
export * from './config-schema';
export * from './load-config';
