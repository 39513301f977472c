{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'order_completed') }}
),

renamed as (
    select
        cast(id as text) as event_id,
        cast(event_text as text) as event_name,
        cast(original_timestamp as timestamptz) as original_tstamp,
        cast(sent_at as timestamptz) as sent_at_tstamp,
        cast(received_at as timestamptz) as received_at_tstamp,
        cast(timestamp as timestamptz) as tstamp,
        cast(anonymous_id as text) as anonymous_id,
        cast(user_id as text) as user_id,
        cast(context_library_name as text) as library_name,
        cast(context_library_version as text) as library_version,
        cast(order_id as text) as order_id,
        cast(revenue as double precision) as revenue,
        cast(currency as text) as currency,
        cast(products as jsonb) as products,
        cast('track' as text) as call_type,
        cast('jaffle_shop' as text) as source_schema,
        cast('order_completed' as text) as source_table,
        cast('jaffle_shop/Order_Completed/1-0.json' as text) as schema_id,
        cast('{"code_owner": "checkout", "product_owner": "checkout"}' as text) as schema_metadata
    from source
)

select * from renamed
