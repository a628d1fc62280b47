import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTitle } from '../lib/useTitle.ts';

/** The page's h1 (and document title) with optional actions on the right. */
export function PageHeader({
  title,
  extra,
  subTitle,
}: {
  title: string;
  extra?: ReactNode;
  subTitle?: ReactNode;
}) {
  useTitle(title);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {subTitle && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subTitle}
          </Typography.Text>
        )}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
