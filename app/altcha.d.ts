// JSX typing of the ALTCHA widget's <altcha-widget> custom element.
import 'altcha/types/react';
